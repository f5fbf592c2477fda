using System.Text.Json;
using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Tests.Models;

namespace TaskChat.Tests.Assistant;

/// <summary>
/// A real model (the real OpenAI SDK against the scripted model server) gets the same abilities
/// from the same tools: when it makes the calls the offline assistant makes for "mark the report
/// as done" and "undo", the stored calls, their results and the tasks left behind are the same.
/// </summary>
public sealed class ModelParityTests
{
    private static readonly string[] Titles = ["Finish the quarterly report", "Buy groceries", "Call the dentist"];

    [Fact]
    public async Task FindCompleteAndUndoCallsOfAModelBehaveLikeTheOfflineAssistants()
    {
        await using var offline = await TaskChatApplication.StartAsync();
        var offlineUser = await offline.CreateUserAsync();
        using var offlineHttp = offline.CreateClient(offlineUser);
        await using var offlineChat = await ChatConnection.ConnectAsync(offline.ServerAddress, offlineUser);
        var offlineRun = await RunAsync(offlineHttp, offlineChat);

        await using var model = await ModelHarness.StartOpenAIAsync();
        model.Model.Enqueue(
            ScriptedReply.ToolCalls(new ScriptedCall("call_find", "find_tasks", "{\"query\": \"rep", "ort\"}")),
            ScriptedReply.ToolCalls(new ScriptedCall("call_done", "complete_tasks", "{\"numbers\": [1]}")),
            ScriptedReply.Text("Done: task 1."),
            ScriptedReply.ToolCalls(new ScriptedCall("call_undo", "undo_last_change", "{}")),
            ScriptedReply.Text("Undone."),
            ScriptedReply.ToolCalls(new ScriptedCall("call_undo_again", "undo_last_change", "{}")),
            ScriptedReply.Text("Nothing left to undo."));
        var modelRun = await RunAsync(model.Http, model.Chat);

        Assert.Equal(
            [["find_tasks", "complete_tasks"], ["undo_last_change"], ["undo_last_change"]],
            offlineRun.Calls.Select(turn => turn.Select(c => c.Name).ToArray()).ToArray());
        Assert.Equal(offlineRun.Calls, modelRun.Calls);
        Assert.Equal(offlineRun.States, modelRun.States);
        Assert.Equal(["done", "open", "open"], offlineRun.States.Select(s => s[0]));
    }

    private sealed record Run(List<List<Call>> Calls, List<string[]> States);

    private sealed record Call(string Name, string Arguments, string Status, string Result);

    private static async Task<Run> RunAsync(HttpClient http, ChatConnection chat)
    {
        foreach (var title in Titles)
        {
            await http.CreateTaskAsync(title);
        }

        var calls = new List<List<Call>>();
        var states = new List<string[]>();
        Guid? conversationId = null;
        foreach (var message in new[] { "mark the report as done", "undo", "undo" })
        {
            var turn = await chat.SendAndWaitAsync(message, conversationId);
            Assert.Null(turn.Error);
            conversationId = turn.ConversationId;
            calls.Add(turn.ToolStarts.Zip(turn.ToolResults, (start, done) => new Call(
                start.Name, Canonical(start.Arguments), done.Status.ToString(), Canonical(done.Result))).ToList());
            states.Add((await http.ListTasksAsync()).OrderBy(t => t.Number).Select(t => t.IsCompleted ? "done" : "open").ToArray());
        }

        return new Run(calls, states);
    }

    /// <summary>JSON without formatting differences, so a model's and the offline assistant's calls compare as text.</summary>
    private static string Canonical(JsonElement json) => JsonSerializer.Serialize(json);
}
