using System.Net.Http.Json;
using System.Text.Json;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Tests.Models;
using TaskChat.Web.Tasks;

namespace TaskChat.Tests.Assistant;

/// <summary>
/// A long task list is cut at <see cref="TaskRules.ListedAtMost"/> wherever it would be read out:
/// in the tool result a model receives and in the offline assistant's reply, each saying how
/// many were left out, with the open ones first.
/// </summary>
public sealed class ListCapTests
{
    private const int Extra = 25;
    private const int Count = TaskRules.ListedAtMost + Extra;

    [Fact]
    public async Task TheOfflineAssistantListsAtMostTheCapAndSaysHowManyMore()
    {
        await using var app = await TaskChatApplication.StartAsync();
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        await AddManyAsync(http);

        using var response = await http.PostAsJsonAsync("/api/v1/chat", new { message = "show me my tasks" });
        response.EnsureSuccessStatusCode();
        var reply = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("response").GetString()!;

        var bullets = reply.Split('\n').Where(line => line.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Equal(TaskRules.ListedAtMost, bullets.Count);
        Assert.StartsWith($"Here are your first {TaskRules.ListedAtMost} tasks (open ones first, soonest due first):", reply);
        Assert.EndsWith($"…and {Extra} more; ask for a list, a date or a word to see others.", reply);
        // The completed task (number 1) is among the ones left out: open ones come first.
        Assert.DoesNotContain(bullets, line => line.Contains("✓"));
    }

    [Fact]
    public async Task AModelReceivesAtMostTheCapWithTheCountOfTheRest()
    {
        await using var world = await ModelHarness.StartOpenAIAsync();
        await AddManyAsync(world.Http);
        world.Model.Enqueue(
            ScriptedReply.ToolCalls(new ScriptedCall("call_list", "list_tasks", "{\"status\": \"all\"}")),
            ScriptedReply.Text("That is a long list."));

        var turn = await world.Chat.SendAndWaitAsync("what is on my list?");
        Assert.Null(turn.Error);

        var toolMessage = (await world.Model.WaitForRequestAsync(2)).Body.GetProperty("messages").EnumerateArray()
            .Single(m => m.GetProperty("role").GetString() == "tool");
        var result = JsonDocument.Parse(toolMessage.GetProperty("content").GetString()!).RootElement;
        Assert.Equal(TaskRules.ListedAtMost, result.GetProperty("tasks").GetArrayLength());
        Assert.Equal(Extra, result.GetProperty("more").GetInt32());
        Assert.Contains($"{Extra} more are not shown", result.GetProperty("message").GetString());
        Assert.All(result.GetProperty("tasks").EnumerateArray(), t => Assert.False(t.GetProperty("is_completed").GetBoolean()));
    }

    /// <summary>Task 1 is completed; the rest are open.</summary>
    private static async Task AddManyAsync(HttpClient http)
    {
        for (var i = 1; i <= Count; i++)
        {
            await http.CreateTaskAsync($"Errand {i}");
        }

        using var done = await http.PatchAsJsonAsync("/api/v1/tasks/1", new { is_completed = true });
        done.EnsureSuccessStatusCode();
    }
}
