using TaskChat.Tests.Chat;
using TaskChat.Web.Chat.Contracts;

namespace TaskChat.Tests.Models;

/// <summary>
/// Token events coalesce only when the turn falls behind its model: deltas that are already
/// waiting go out as one event, numbered once for every watcher, while deltas that come apart
/// go out one by one. Driven through the real OpenAI SDK over HTTP and the real hub.
/// </summary>
public sealed class CoalescingTests
{
    private static readonly string[] Pieces = [.. Enumerable.Range(1, 200).Select(i => $" w{i}")];

    [Fact]
    public async Task DeltasWaitingTogetherGoOutAsFewerEventsThatEveryWatcherAndResumeSeeAlike()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        world.Model.Enqueue(ScriptedReply.Text("Hello"), ScriptedReply.Burst(Pieces));
        var first = await world.Chat.SendAndWaitAsync("Hi");
        await using var other = await ChatConnection.ConnectAsync(world.App.ServerAddress, world.User);
        var watching = Turn.ReadAsync(ResumeTests.TakeUntilCompleted(other.Watch(first.ConversationId, first.Events[^1].Event)));

        var sent = await world.Chat.SendAndWaitAsync("Count to 200", first.ConversationId);
        var watched = await watching;

        TaskFlowTests.AssertStreamedReply(sent);
        Assert.Equal(string.Concat(Pieces), sent.Completed.Content);
        Assert.True(sent.Tokens.Count <= Pieces.Length / 2, $"200 deltas that arrived together went out as {sent.Tokens.Count} token events.");
        Assert.Equal(Numbered(sent), Numbered(watched));

        // A watcher resuming after any of those events gets exactly the rest, under the same numbers.
        var middle = sent.Tokens[sent.Tokens.Count / 2];
        var resumed = await Turn.ReadAsync(ResumeTests.TakeUntilCompleted(other.Watch(sent.ConversationId, middle.Event)));
        Assert.Equal(Numbered(sent).SkipWhile(e => e.Event <= middle.Event), Numbered(resumed));
    }

    [Fact]
    public async Task DeltasThatComeApartGoOutOneEventEach()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        string[] pieces = ["One", " by", " one", " as", " they", " come."];
        world.Model.Enqueue(ScriptedReply.Paced(TimeSpan.FromMilliseconds(80), pieces));

        var turn = await world.Chat.SendAndWaitAsync("Say it slowly");

        TaskFlowTests.AssertStreamedReply(turn);
        Assert.Equal(pieces, turn.Tokens.Select(token => token.Delta));
    }

    private static List<(long Event, string Text)> Numbered(Turn turn) =>
        [.. turn.Events.Select(e => (e.Event, e is TokenEvent token ? token.Delta : e.GetType().Name))];
}
