using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TaskChat.Tests.Browser;

/// <summary>
/// axe-core run on the page as it stands, keeping what WCAG 2.2 AA calls serious or critical,
/// each named with where it was found so a failure says what to fix.
/// </summary>
internal static class AxeCheck
{
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
        },
    };

    /// <summary>One line per serious or critical violation: "where: rule (target) summary".</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string where)
    {
        var result = await page.RunAxe(Options);
        return result.Violations
            .Where(violation => violation.Impact is "serious" or "critical")
            .SelectMany(violation => violation.Nodes.Select(node =>
                $"{where}: {violation.Id} at {node.Target} ({Messages(node)})"))
            .ToList();
    }

    private static string Messages(AxeResultNode node) =>
        string.Join("; ", (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(check => check.Message).Distinct());
}
