using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Tests.Models;

/// <summary>
/// A reply is searchable once it has ended, on either database: while it streams, its partial
/// writes (several a second) are stored but not indexed, which kept the search index from
/// re-reading the whole text on every one.
/// </summary>
public sealed class SearchWhileStreamingTests
{
    [Fact]
    public async Task AStreamingReplyIsFoundOnlyOnceItHasEnded()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        var rest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        world.Model.Enqueue(ScriptedReply.Gated(rest.Task, ["The glockenspiel", " rehearsal is"], [" on Tuesday."]));

        using var timeout = new CancellationTokenSource(TestSettings.Timeout);
        var events = new List<ChatEvent>();
        await foreach (var chatEvent in world.Chat.Send("When is the rehearsal?", cancellationToken: timeout.Token))
        {
            events.Add(chatEvent);
            if (chatEvent is TokenEvent && events.StreamedText() == "The glockenspiel rehearsal is")
            {
                var stored = await WaitForPartialWriteAsync(world.Http, chatEvent.ConversationId, "glockenspiel");
                Assert.Equal(MessageStatus.Streaming, stored.Status);
                Assert.Empty(await SearchTests.SearchAsync(world.Http, "glockenspiel"));
                rest.SetResult();
            }
        }

        var completed = events.OfType<MessageCompletedEvent>().Single();
        Assert.Equal((MessageStatus.Completed, "The glockenspiel rehearsal is on Tuesday."), (completed.Status, completed.Content));
        var found = Assert.Single(await SearchTests.SearchAsync(world.Http, "glockenspiel"));
        Assert.Equal(completed.MessageId, found.MessageId);
    }

    /// <summary>The reply as stored, once a partial write holds <paramref name="word"/> (bounded).</summary>
    private static async Task<MessageDto> WaitForPartialWriteAsync(HttpClient http, Guid conversationId, string word)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var reply = (await http.MessagesAsync(conversationId)).Messages[^1];
            if (reply.Content.Contains(word, StringComparison.Ordinal))
            {
                return reply;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No partial write holding '{word}' within 5 s.");
    }
}
