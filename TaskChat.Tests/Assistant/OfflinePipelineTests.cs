using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Web.Assistant;
using TaskChat.Web.Assistant.Offline;

namespace TaskChat.Tests.Assistant;

/// <summary>
/// The offline assistant through the app's real pipeline (<see cref="FunctionInvokingChatClient"/>
/// calling the real tools on a real database), driven the way the turn lifecycle drives it.
/// </summary>
public sealed class OfflinePipelineTests(AssistantHost host) : IClassFixture<AssistantHost>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SeedFlowThroughThePipeline()
    {
        var userId = await host.CreateUserAsync();
        await using var scope = host.App.Services.CreateAsyncScope();
        var chat = scope.ServiceProvider.GetRequiredService<IChatClient>();
        var tools = scope.ServiceProvider.GetRequiredService<TaskToolsFactory>().Create(userId);
        var conversation = new Conversation(chat, new ChatOptions { Tools = tools.AsTools() });

        var created = await conversation.SendAsync("Create a task to buy groceries");
        Assert.Equal(ToolNames.AddTask, created.Call!.Name);
        Assert.Equal("Buy groceries", created.Call.Arguments!["title"]);
        Assert.Equal(ToolStatus.Succeeded, ToolResult.ReadStatus(created.Result!.Result));
        Assert.Equal("I've added task 1, “Buy groceries”.", created.Text);
        Assert.Equal("Buy groceries", (await host.FindTaskAsync(userId, 1))!.Title);

        var listed = await conversation.SendAsync("Show me my tasks");
        Assert.Equal(ToolNames.ListTasks, listed.Call!.Name);
        Assert.Contains("☐ 1. Buy groceries", listed.Text);

        var completed = await conversation.SendAsync("Mark task 1 as complete");
        Assert.Equal(ToolNames.CompleteTasks, completed.Call!.Name);
        Assert.True((await host.FindTaskAsync(userId, 1))!.IsCompleted);
        Assert.Contains("complete", completed.Text);

        var renamed = await conversation.SendAsync("Rename task 1 to buy oat milk");
        Assert.Equal(ToolNames.UpdateTask, renamed.Call!.Name);
        Assert.Equal("Buy oat milk", (await host.FindTaskAsync(userId, 1))!.Title);

        var proposed = await conversation.SendAsync("Delete task 1");
        Assert.Equal(ToolNames.DeleteTasks, proposed.Call!.Name);
        Assert.Equal(ToolStatus.NeedsConfirmation, ToolResult.ReadStatus(proposed.Result!.Result));
        // The offline assistant says nothing after a proposal: the server asks the question itself.
        Assert.Equal("", proposed.Text);
        Assert.NotNull(await host.FindTaskAsync(userId, 1));

        var confirmed = await tools.ConfirmDeleteAsync(1);
        Assert.Equal(ToolStatus.Succeeded, confirmed.Status);
        Assert.Null(await host.FindTaskAsync(userId, 1));

        var empty = await conversation.SendAsync("what's left?");
        Assert.Equal("You have no open tasks.", empty.Text);
    }

    [Fact]
    public async Task StreamSurfacesTheCallTheResultAndTheWordsInOrder()
    {
        var userId = await host.CreateUserAsync();
        await using var scope = host.App.Services.CreateAsyncScope();
        var chat = scope.ServiceProvider.GetRequiredService<IChatClient>();
        var tools = scope.ServiceProvider.GetRequiredService<TaskToolsFactory>().Create(userId);
        var conversation = new Conversation(chat, new ChatOptions { Tools = tools.AsTools() });

        var turn = await conversation.SendAsync("please add milk to my list");

        var callIndex = turn.Updates.FindIndex(update => update.Contents.OfType<FunctionCallContent>().Any());
        var resultIndex = turn.Updates.FindIndex(update => update.Contents.OfType<FunctionResultContent>().Any());
        var textUpdates = turn.Updates.Where(update => update.Text.Length > 0).ToList();
        Assert.True(callIndex >= 0, "FunctionCallContent is surfaced in the stream");
        Assert.True(resultIndex > callIndex, "FunctionResultContent follows the call in the stream");
        Assert.True(textUpdates.Count >= 2, "the reply streams as several updates");
        Assert.True(turn.Updates.IndexOf(textUpdates[0]) > resultIndex);
        Assert.Equal(turn.Call!.CallId, turn.Result!.CallId);
        Assert.Equal(ChatRole.Tool, turn.Updates[resultIndex].Role);
        Assert.Equal(["I've ", "added ", "task ", "1, ", "“Milk”."], textUpdates.Select(update => update.Text));

        // Intent and confidence ride on the assistant's own updates, the tool call included.
        Assert.Equal("add_task", AssistantMetadata.ReadIntent(turn.Updates[callIndex]));
        Assert.All(textUpdates, update =>
        {
            Assert.Equal("add_task", AssistantMetadata.ReadIntent(update));
            Assert.InRange(AssistantMetadata.ReadConfidence(update)!.Value, 0.9, 1);
            Assert.Equal(OfflineChatClient.ModelId, update.ModelId);
        });
    }

    [Fact]
    public async Task UnknownTextGetsTheHelpReply()
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var chat = scope.ServiceProvider.GetRequiredService<IChatClient>();
        var tools = scope.ServiceProvider.GetRequiredService<TaskToolsFactory>().Create(await host.CreateUserAsync());

        var turn = await new Conversation(chat, new ChatOptions { Tools = tools.AsTools() }).SendAsync("Sing me a song about turtles");

        Assert.Null(turn.Call);
        Assert.Matches("^(Sorry|Hmm|I didn't|That one's)", turn.Text);
        Assert.InRange(turn.Text.Split('\n').Count(line => line.StartsWith("- “", StringComparison.Ordinal)), 2, 3);
        Assert.Equal("help", AssistantMetadata.ReadIntent(turn.Updates[0]));
    }

    [Fact]
    public async Task YesAndNoWithoutAPendingDeletionAreAnsweredPolitely()
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var chat = scope.ServiceProvider.GetRequiredService<IChatClient>();
        var conversation = new Conversation(chat, new ChatOptions());

        Assert.Equal("There's nothing waiting for your confirmation right now.", (await conversation.SendAsync("yes")).Text);
        Assert.Equal("Okay, nothing was deleted.", (await conversation.SendAsync("no")).Text);
    }

    [Fact]
    public async Task WithoutToolsItSaysSoInsteadOfCallingOne()
    {
        var turn = await new Conversation(Pipeline(0), new ChatOptions()).SendAsync("add milk to my list");

        Assert.Null(turn.Call);
        Assert.Equal("I can't change your tasks from here right now.", turn.Text);
    }

    [Fact]
    public async Task CancellationStopsTheStreamPromptly()
    {
        var chat = Pipeline(tokenDelayMs: 200);
        using var cancellation = new CancellationTokenSource();
        var received = 0;
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in chat.GetStreamingResponseAsync("help", cancellationToken: cancellation.Token))
            {
                if (++received == 2)
                {
                    await cancellation.CancelAsync();
                }
            }
        }).WaitAsync(Timeout);

        Assert.Equal(2, received);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"stopped after {clock.Elapsed}");
    }

    [Fact]
    public async Task TokenDelayPacesTheWords()
    {
        var words = (await Stream(Pipeline(0), "help")).Count;
        var fast = Stopwatch.StartNew();
        await Stream(Pipeline(0), "help");
        fast.Stop();

        var paced = Stopwatch.StartNew();
        await Stream(Pipeline(15), "help");
        paced.Stop();

        Assert.True(words > 20, $"the help reply has {words} words");
        Assert.True(fast.Elapsed < TimeSpan.FromSeconds(1), $"at 0 ms the reply took {fast.Elapsed}");
        Assert.True(paced.Elapsed >= TimeSpan.FromMilliseconds((words - 1) * 15 * 0.8), $"at 15 ms per word the reply took {paced.Elapsed}");
    }

    [Fact]
    public async Task AppPipelineIsTheOfflineClientBehindFunctionInvocation()
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var chat = scope.ServiceProvider.GetRequiredService<IChatClient>();

        Assert.NotNull(chat.GetService<FunctionInvokingChatClient>());
        Assert.NotNull(chat.GetService<OfflineChatClient>());
        Assert.Equal(OfflineChatClient.ModelId, chat.GetService<ChatClientMetadata>()!.DefaultModelId);
    }

    /// <summary>The same pipeline as the app's, with a chosen pace.</summary>
    private IChatClient Pipeline(int tokenDelayMs) =>
        new ChatClientBuilder(new OfflineChatClient(new OfflineAssistantOptions { TokenDelayMs = tokenDelayMs }, new OfflineToday(TimeProvider.System)))
            .UseFunctionInvocation()
            .UseLogging()
            .Build(host.App.Services);

    private static async Task<List<ChatResponseUpdate>> Stream(IChatClient chat, string message)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync(message).WithCancellation(new CancellationTokenSource(Timeout).Token))
        {
            updates.Add(update);
        }

        return updates;
    }

    /// <summary>Keeps the history the way the turn lifecycle will: the user message, then every streamed update.</summary>
    private sealed class Conversation(IChatClient chat, ChatOptions options)
    {
        private readonly List<ChatMessage> history = [];

        public async Task<Turn> SendAsync(string text)
        {
            history.Add(new ChatMessage(ChatRole.User, text));
            using var timeout = new CancellationTokenSource(Timeout);
            var updates = new List<ChatResponseUpdate>();
            await foreach (var update in chat.GetStreamingResponseAsync(history, options, timeout.Token))
            {
                updates.Add(update);
            }

            history.AddMessages(updates);
            return new Turn(updates);
        }
    }

    private sealed record Turn(List<ChatResponseUpdate> Updates)
    {
        public FunctionCallContent? Call => Updates.SelectMany(update => update.Contents).OfType<FunctionCallContent>().SingleOrDefault();

        public FunctionResultContent? Result => Updates.SelectMany(update => update.Contents).OfType<FunctionResultContent>().SingleOrDefault();

        public string Text => string.Concat(Updates.Select(update => update.Text));
    }
}
