using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Assistant;

/// <summary>The README's example conversation is what the offline assistant really says, reply for reply.</summary>
public sealed class ReadmeConversationTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    private const string Indent = "          ";

    [Fact]
    public async Task TheReadmesConversationIsWhatTheOfflineAssistantSays()
    {
        var turns = ReadConversation();
        Assert.True(turns.Count >= 8, $"the README shows {turns.Count} turns");

        await using var chat = await AssistantChat.StartAsync(app, "hub");
        foreach (var (message, expected) in turns)
        {
            Assert.Equal(expected, await chat.SayAsync(message));
        }
    }

    /// <summary>"you: ..." lines and the "TaskChat: ..." reply under each, continuation lines indented to line up.</summary>
    private static List<(string Message, string Reply)> ReadConversation()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = Array.IndexOf(readme, "<!-- conversation -->");
        var end = Array.IndexOf(readme, "<!-- /conversation -->");
        Assert.True(start >= 0 && end > start, "README.md marks its example conversation");

        var turns = new List<(string Message, List<string> Reply)>();
        foreach (var line in readme[(start + 2)..(end - 1)])
        {
            if (line.StartsWith("you:", StringComparison.Ordinal))
            {
                turns.Add((line[Indent.Length..], []));
            }
            else
            {
                var text = line.StartsWith("TaskChat:", StringComparison.Ordinal) || line.StartsWith(Indent, StringComparison.Ordinal)
                    ? line[Indent.Length..]
                    : line;
                turns[^1].Reply.Add(text);
            }
        }

        return turns.Select(t => (t.Message, string.Join("\n", t.Reply).TrimEnd())).ToList();
    }
}
