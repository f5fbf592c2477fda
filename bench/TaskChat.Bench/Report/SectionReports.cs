using System.Globalization;
using System.Text;

namespace TaskChat.Bench.Report;

/// <summary>The report's text for the sections beyond streaming and idle: how each was measured, its table, its chart.</summary>
internal static class SectionReports
{
    public static string TwoNode(BenchRun run)
    {
        if (run.TwoNode.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        var table = TwoNodeTable.Build(run);
        text.AppendLine(CultureInfo.InvariantCulture, $"### {table.Title}");
        text.AppendLine();
        text.AppendLine(
            "Method: a redis-server of the run's own (127.0.0.1, a free port, no persistence, killed at the end) and two TaskChat " +
            "child processes on the bench database with `ConnectionStrings:Redis` set and one JWT signing key, each with a pool of 45 " +
            "PostgreSQL connections. At each N, N users send turns back to back on node A with `SendMessage` (starts spread over one " +
            "turn, as in the streaming section); each conversation is also followed with `WatchConversation` by a client of the same " +
            "user on node A (the running node) and one on node B (the other node), so every token reaches three clients. Token " +
            "latency is the model's emit stamp -> receipt; a delta that carries several coalesced tokens counts each stamp. Gaps are " +
            "between consecutive token events of the same reply at one watcher (the pause between turns is not one). Redis commands " +
            "are `INFO commandstats` calls over the window (the driver's own INFO left out) divided by the tokens the senders " +
            "received. CPU is both nodes' together; per delivered token it divides by what all three clients received, which is " +
            "what one node's figure (one client per stream) divides by too.");
        text.AppendLine();
        text.Append(table.ToMarkdown());
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"![Two nodes on Redis]({TwoNodeChart.File})");
        text.AppendLine();
        return text.ToString();
    }
}
