using System.Text.RegularExpressions;
using Quickenshtein;

namespace TaskChat.Web.Assistant.Offline.Understanding;

/// <summary>
/// Misspelled command words: "shwo my taks", "compelte task 1", "mark tsak 1 as doen", "ad milk".
/// Known misspellings are replaced wherever they stand; the first word, where the command
/// usually is, is also compared with the command words and corrected when it is one letter off
/// or has two letters swapped. Other words are left alone: they may be a title.
/// </summary>
public static partial class Typos
{
    public static string Fix(string text)
    {
        var fixedWords = Word().Replace(text, match =>
            Corrections.TryGetValue(match.Value.ToLowerInvariant(), out var correction) ? correction : match.Value);

        var first = FirstWord().Match(fixedWords);
        if (!first.Success || CommandWords.Contains(first.Value.ToLowerInvariant()))
        {
            return fixedWords;
        }

        if (FirstWordCorrections.TryGetValue(first.Value, out var known))
        {
            return known + fixedWords[first.Length..];
        }

        return ClosestCommand(first.Value.ToLowerInvariant()) is { } command
            ? command + fixedWords[first.Length..]
            : fixedWords;
    }

    private static string? ClosestCommand(string word)
    {
        if (word.Length < 4 || NotCommands.Contains(word))
        {
            return null;
        }

        foreach (var command in CommandWords.Where(c => c.Length >= 4))
        {
            if (Swapped(word, command) || (Math.Abs(word.Length - command.Length) <= 1 && Levenshtein.GetDistance(word, command) == 1))
            {
                return command;
            }
        }

        return null;
    }

    /// <summary>Two neighbouring letters swapped: "shwo" for "show", "delte" is not (a letter is missing).</summary>
    private static bool Swapped(string word, string command)
    {
        if (word.Length != command.Length)
        {
            return false;
        }

        var differences = Enumerable.Range(0, word.Length).Where(i => word[i] != command[i]).ToList();
        return differences.Count == 2 && differences[1] == differences[0] + 1
            && word[differences[0]] == command[differences[1]] && word[differences[1]] == command[differences[0]];
    }

    [GeneratedRegex(@"[\p{L}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"^[\p{L}]+")]
    private static partial Regex FirstWord();
}
