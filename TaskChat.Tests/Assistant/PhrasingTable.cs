using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Assistant;

/// <summary>Reads a phrasing table: one "message TAB expected" per line, "#" comments, "\n" for a line break in a message.</summary>
public static class PhrasingTable
{
    public static TheoryData<string, string> Read(string fileName)
    {
        var path = Path.Combine(RepositoryPaths.Root, "TaskChat.Tests", "Assistant", "Phrasings", fileName);
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 2)
            {
                throw new InvalidOperationException($"{fileName}: \"{line}\" is not \"message<TAB>expected\".");
            }

            data.Add(parts[0].Replace("\\n", "\n"), parts[1]);
        }

        return data;
    }
}
