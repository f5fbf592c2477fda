using System.Net.Http.Json;
using System.Text.Json;
using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using Xunit.Abstractions;

namespace TaskChat.Tests.Assistant.HeldOut;

/// <summary>
/// Measures how much of a held-out set of realistic requests the offline assistant understands,
/// through POST /api/v1/chat, and prints the rate. The set (held-out-requests.txt) was written
/// before the parser was tuned and is never used to tune it, so the figure says how the assistant
/// does on words it has not seen. A request counts as understood when the tasks it leaves behind
/// (and, for questions, the reply) are what the line expects.
/// </summary>
public sealed class HeldOutMeasurement(TaskChatApplication app, ITestOutputHelper output) : IClassFixture<TaskChatApplication>
{
    private static readonly string[] FixtureTitles =
    [
        "Finish the quarterly report", "Buy groceries", "Call the dentist", "Pay the electricity bill",
        "Water the plants", "Book flights to Lisbon", "Renew passport", "Email Sarah about the budget",
    ];

    [Fact]
    public async Task PrintsTheUnderstoodRateAndNeverDeletesWithoutConfirmation()
    {
        var cases = HeldOutCase.ReadAll(Path.Combine(RepositoryPaths.Root, "TaskChat.Tests", "Assistant", "HeldOut", "held-out-requests.txt"));
        var outcomes = new List<(HeldOutCase Case, string? Problem, int UnconfirmedDeletions)>();
        foreach (var batch in cases.Chunk(4))
        {
            outcomes.AddRange(await Task.WhenAll(batch.Select(RunAsync)));
        }

        var understood = outcomes.Count(o => o.Problem is null);
        var unconfirmed = outcomes.Sum(o => o.UnconfirmedDeletions);
        foreach (var (failed, problem, _) in outcomes.Where(o => o.Problem is not null))
        {
            output.WriteLine($"not understood (line {failed.Line}): {failed.Text.Replace("\n", "\\n")} -> {problem}");
        }

        var rate = (double)understood / outcomes.Count;
        output.WriteLine($"Held-out understood rate: {understood}/{outcomes.Count} = {rate:P1}; deletions without confirmation: {unconfirmed}");
        Console.WriteLine($"Held-out understood rate: {understood}/{outcomes.Count} = {rate:P1}; deletions without confirmation: {unconfirmed}");

        Assert.True(outcomes.Count >= 80, $"the held-out set has {outcomes.Count} requests");
        Assert.Equal(0, unconfirmed);
        Assert.True(rate >= 0.9, $"understood {rate:P1} of the held-out requests; the target is 90%");
    }

    private async Task<(HeldOutCase, string?, int)> RunAsync(HeldOutCase heldOut)
    {
        var user = await app.CreateUserAsync();
        using var http = app.CreateClient(user);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var before = await SeedAsync(http, today);

        Guid? conversationId = null;
        var reply = "";
        foreach (var message in heldOut.Messages)
        {
            using var response = await http.PostAsJsonAsync("/api/v1/chat", new { message, conversation_id = conversationId });
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                return (heldOut, $"POST /api/v1/chat returned {(int)response.StatusCode}", 0);
            }

            using var json = JsonDocument.Parse(body);
            conversationId = json.RootElement.GetProperty("conversation_id").GetGuid();
            reply = json.RootElement.GetProperty("response").GetString()!;
        }

        var after = await http.ListTasksAsync();
        var allowedGone = heldOut.Kind == "deleted" ? heldOut.Numbers() : [];
        var unconfirmed = before.Count(t => after.All(a => a.Number != t.Number) && !allowedGone.Contains(t.Number));
        var calls = (await http.MessagesAsync(conversationId!.Value)).Messages.SelectMany(m => m.ToolCalls).ToList();
        var problem = HeldOutCheck.Problem(heldOut, before, after, reply, calls, today, FixtureTitles);
        return (heldOut, problem, unconfirmed);
    }

    /// <summary>The fixture of the file's header, through the REST API.</summary>
    private static async Task<List<TaskJson>> SeedAsync(HttpClient http, DateOnly today)
    {
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd");
        await http.CreateTaskAsync(new { title = FixtureTitles[0], due_date = Day(0), priority = "high", list = "Work" });
        await http.CreateTaskAsync(new { title = FixtureTitles[1], list = "Shopping" });
        await http.CreateTaskAsync(new { title = FixtureTitles[2], due_date = Day(1) });
        await http.CreateTaskAsync(new { title = FixtureTitles[3], due_date = Day(-2) });
        await http.CreateTaskAsync(new { title = FixtureTitles[4] });
        await http.CreateTaskAsync(new { title = FixtureTitles[5], due_date = Day(5) });
        await http.CreateTaskAsync(new { title = FixtureTitles[6], priority = "low" });
        await http.CreateTaskAsync(new { title = FixtureTitles[7], due_date = Day(3), list = "Work" });
        using var done = await http.PatchAsJsonAsync("/api/v1/tasks/5", new { is_completed = true });
        done.EnsureSuccessStatusCode();
        return await http.ListTasksAsync();
    }
}
