using Microsoft.Extensions.AI;

namespace TaskChat.Web.Assistant;

/// <summary>
/// Applies <see cref="ContextBudget"/> to every request the model gets, including the follow-up
/// requests the tool-calling loop makes within one turn.
/// </summary>
internal sealed class ContextBudgetChatClient(IChatClient inner, int budgetChars) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(ContextBudget.Trim(messages, budgetChars), options, cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(ContextBudget.Trim(messages, budgetChars), options, cancellationToken);
}
