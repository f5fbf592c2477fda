using TaskChat.Tests.Infrastructure.Clients;

namespace TaskChat.Tests.Infrastructure.Hosting;

/// <summary>
/// A reply long and slow enough to act on mid-stream: the offline assistant listing many
/// tasks at a set pace per word.
/// </summary>
public static class SlowReplies
{
    public const string Prompt = "Show me my tasks";

    public static IReadOnlyDictionary<string, string?> Settings(int delayMs) =>
        new Dictionary<string, string?> { ["Assistant:Offline:TokenDelayMs"] = delayMs.ToString() };

    /// <summary>Gives the user enough tasks that listing them takes many words.</summary>
    public static async Task AddTasksAsync(HttpClient http, int count = 15)
    {
        for (var i = 1; i <= count; i++)
        {
            await http.CreateTaskAsync($"Errand number {i} for the long list");
        }
    }
}
