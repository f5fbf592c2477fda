using System.Globalization;

namespace TaskChat.Bench;

/// <summary>"--name value" and "--flag" options; nothing cleverer is needed.</summary>
internal static class CommandLine
{
    public static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }

    public static string Required(IReadOnlyList<string> args, string name) =>
        Option(args, name) ?? throw new ArgumentException($"Missing {name}.");

    public static bool Flag(IReadOnlyList<string> args, string name) => args.Contains(name);

    public static int Int(IReadOnlyList<string> args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public static double Double(IReadOnlyList<string> args, string name, double fallback) =>
        Option(args, name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public static int[] IntList(IReadOnlyList<string> args, string name, int[] fallback) =>
        Option(args, name) is { } value
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray()
            : fallback;
}
