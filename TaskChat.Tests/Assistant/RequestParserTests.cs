using TaskChat.Web.Assistant.Offline.Understanding;

namespace TaskChat.Tests.Assistant;

public sealed class RequestParserTests
{
    /// <summary>A Tuesday, so that every weekday phrasing lands on a date worth checking.</summary>
    private static readonly DateOnly Today = new(2026, 12, 1);

    public static TheoryData<string, string> Phrasings => PhrasingTable.Read("parser-phrasings.tsv");

    /// <summary>What people type, as typed, and the request it must parse to (intent, targets and fields).</summary>
    [Theory]
    [MemberData(nameof(Phrasings))]
    public void UnderstandsWhatPeopleType(string message, string expected) =>
        Assert.Equal(expected, RequestParser.Parse(message, Today).ToString());

    [Fact]
    public void TheTableCoversEveryCategoryWithEnoughPhrasings()
    {
        var expected = Phrasings.Select(row => (string)row[1]).ToList();
        Assert.True(expected.Count >= 250, $"only {expected.Count} phrasings");
        foreach (var intent in new[] { "add", "complete", "reopen", "delete", "update", "list", "count", "undo", "confirm", "deny", "greeting", "thanks", "help", "smalltalk", "unknown", "incomplete", "addormove" })
        {
            Assert.Contains(expected, e => e == intent || e.StartsWith(intent + " ", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("2", "complete #2")]
    [InlineData("number 3", "complete #3")]
    [InlineData("the second one", "complete #8")]
    [InlineData("the first", "complete #4")]
    [InlineData("the last one", "complete #8")]
    [InlineData("the quarterly one", "complete \"quarterly\"")]
    public void AnAnswerToWhichOneFinishesTheRequestThatAsked(string message, string expected)
    {
        var waiting = RequestParser.Parse("mark the report as done", Today);
        var context = new ConversationContext(AwaitingChoice: waiting, Offered: [4, 8]);
        Assert.Equal(expected, RequestParser.Parse(message, Today, context).ToString());
    }

    [Fact]
    public void WithoutAQuestionWaitingANumberAloneIsNotARequest() =>
        Assert.Equal(RequestIntent.Unknown, RequestParser.Parse("2", Today).Intent);

    [Theory]
    [InlineData("2027-02-28", "tomorrow", "2027-03-01")]
    [InlineData("2026-12-31", "in 2 days", "2027-01-02")]
    [InlineData("2027-01-31", "the 30th", "2027-03-30")]
    [InlineData("2026-12-04", "friday", "2026-12-11")]
    [InlineData("2026-12-05", "this weekend", "2026-12-05")]
    [InlineData("2026-12-06", "next week", "2026-12-07")]
    [InlineData("2027-02-10", "end of the month", "2027-02-28")]
    [InlineData("2026-12-26", "december 24", "2027-12-24")]
    public void DatesAreCountedFromTheDayTheyAreGiven(string today, string words, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), DateWords.Whole(words, DateOnly.Parse(today)));
}
