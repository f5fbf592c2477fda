using System.Text.Json;
using TaskChat.Web.Chat.Turns;
using TaskChat.Web.Data;

namespace TaskChat.Tests.Data;

/// <summary>What the database cannot store is removed (U+0000) or replaced (a lone surrogate), and nothing else changes.</summary>
public sealed class StorableTextTests
{
    // Built in code, not as theory data: xUnit's serialization of test cases mangles lone surrogates.
    [Fact]
    public void CleanRemovesNulAndReplacesLoneSurrogates()
    {
        (string Text, string Expected)[] cases =
        [
            ("plain text", "plain text"),
            ("a\0b\0", "ab"),
            ("lone \uD83D high", "lone \uFFFD high"),
            ("lone \uDE00 low", "lone \uFFFD low"),
            ("reversed \uDE00\uD83D pair", "reversed \uFFFD\uFFFD pair"),
            ("emoji \uD83D\uDE00 kept", "emoji \uD83D\uDE00 kept"),
            ("ends high \uD83D", "ends high \uFFFD"),
        ];
        foreach (var (text, expected) in cases)
        {
            Assert.Equal(expected, StorableText.Clean(text));
            Assert.True(StorableText.IsStorable(StorableText.Clean(text)));
        }

        Assert.False(StorableText.IsStorable("x\uD83D"));
    }

    [Fact]
    public void CleanJsonDropsTheEscapesPostgresRefusesAndKeepsTheRest()
    {
        var json = "{\"title\":\"a\\u0000b\",\"lone\":\"\\ud83d!\",\"pair\":\"\\ud83d\\ude00\",\"slash\":\"\\\\u0000\",\"e\":\"\\u00e9\"}";

        var cleaned = StorableText.CleanJson(json);

        using var document = JsonDocument.Parse(cleaned);
        var root = document.RootElement;
        Assert.Equal("ab", root.GetProperty("title").GetString());
        Assert.Equal("\uFFFD!", root.GetProperty("lone").GetString());
        Assert.Equal("\uD83D\uDE00", root.GetProperty("pair").GetString());
        Assert.Equal("\\u0000", root.GetProperty("slash").GetString());
        Assert.Equal("é", root.GetProperty("e").GetString());
    }

    [Fact]
    public void ASurrogatePairSplitAcrossTwoDeltasSurvivesAndALoneHalfDoesNot()
    {
        var cleaner = new DeltaCleaner();

        var streamed = cleaner.Next("smile \uD83D") + cleaner.Next("\uDE00 and\0 done \uD83D") + cleaner.Flush();

        Assert.Equal("smile \uD83D\uDE00 and done \uFFFD", streamed);
    }

    [Theory]
    [InlineData("\u200B\u200B\u200B", false)]
    [InlineData(" \u200C\u200D\uFEFF\u2060 ", false)]
    [InlineData("\u202E\u2066\u3164\u2800", false)]
    [InlineData("\u0301\u0301", false)]
    [InlineData("\u200Bhi", true)]
    [InlineData("é", true)]
    [InlineData("\uD83D\uDE00", true)]
    public void OnlyMessagesWithSomethingToSeeCount(string text, bool visible) =>
        Assert.Equal(visible, MessageText.HasVisibleCharacters(text));
}
