namespace TaskChat.Web.Chat.Turns;

/// <summary>One node: the <see cref="TurnRegistry"/> already knows everything.</summary>
internal sealed class LocalTurnLeases(TurnRegistry registry) : ITurnLeases
{
    public ValueTask<bool> TryAcquireAsync(Guid conversationId) => ValueTask.FromResult(true);

    public ValueTask ReleaseAsync(Guid conversationId) => ValueTask.CompletedTask;

    public ValueTask<bool> IsHeldAsync(Guid conversationId) => ValueTask.FromResult(registry.IsRunning(conversationId));

    public ValueTask RequestStopAsync(Guid conversationId)
    {
        registry.Stop(conversationId);
        return ValueTask.CompletedTask;
    }
}
