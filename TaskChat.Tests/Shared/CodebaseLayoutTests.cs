using System.Text.RegularExpressions;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Shared;

/// <summary>
/// The codebase stays one a new engineer can carry: the design is written down in the repository
/// and names files that exist, no comment points at a document outside it, and the chat feature
/// keeps its folders by responsibility with small files.
/// </summary>
public sealed partial class CodebaseLayoutTests
{
    private static readonly string[] SourceFolders = ["TaskChat.Web", "TaskChat.Tests", "bench"];

    private static readonly string[] SourceExtensions = [".cs", ".js", ".razor", ".cshtml", ".css"];

    [Fact]
    public void TheArchitectureDocumentNamesOnlyFilesThatExist()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "architecture.md"));
        var named = RepositoryPath().Matches(document).Select(match => match.Groups[1].Value).Distinct().ToList();

        Assert.True(named.Count >= 30, $"Expected the document to name the files that carry each step; it names {named.Count}.");
        Assert.All(named, path => Assert.True(
            File.Exists(Path.Combine(RepositoryPaths.Root, path)) || Directory.Exists(Path.Combine(RepositoryPaths.Root, path)),
            $"docs/architecture.md names {path}, which does not exist."));
    }

    [Fact]
    public void NoSourceFilePointsAtADocumentOutsideTheRepository()
    {
        var offenders = SourceFiles()
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, number: index + 1)))
            .Where(hit => OutsideDocument().IsMatch(hit.line))
            .Select(hit => $"{Path.GetRelativePath(RepositoryPaths.Root, hit.path)}:{hit.number}: {hit.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void TheChatFeatureIsGroupedInFoldersOfSmallFiles()
    {
        var chat = Path.Combine(RepositoryPaths.WebProject, "Chat");
        Assert.InRange(Directory.GetFiles(chat, "*.cs").Length, 1, 6);
        foreach (var folder in (string[])["Model", "Contracts", "Conversations", "Endpoints", "Turns", "Events", "Components"])
        {
            Assert.True(Directory.Exists(Path.Combine(chat, folder)), $"Chat/{folder} is missing.");
        }

        var large = SourceFiles()
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => Path.GetExtension(path) != ".css")
            .Select(path => (path, lines: File.ReadLines(path).Count()))
            .Where(file => file.lines > 300)
            .Select(file => $"{Path.GetRelativePath(RepositoryPaths.Root, file.path)} has {file.lines} lines")
            .ToList();
        Assert.True(large.Count == 0, string.Join(Environment.NewLine, large));
    }

    private static IEnumerable<string> SourceFiles() =>
        SourceFolders
            .Select(folder => Path.Combine(RepositoryPaths.Root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(path => SourceExtensions.Contains(Path.GetExtension(path)))
            .Where(path => !Excluded().IsMatch(path.Replace('\\', '/')));

    // Build output, restored third-party files and generated migrations are not ours to word.
    [GeneratedRegex(@"/(bin|obj|TestResults|wwwroot/lib)/")]
    private static partial Regex Excluded();

    [GeneratedRegex(@"`((?:TaskChat\.Web|TaskChat\.Tests|bench|docs|scripts)/[^`\s]+)`")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"DESIGN\.md|STYLE\.md|\bthe seed\b|\bseed's\b|\bchat\.js\b", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideDocument();
}
