using TaskChat.Web.Assistant.Matching;

namespace TaskChat.Tests.Assistant;

public sealed class TaskMatcherTests
{
    private static readonly (int, string)[] Tasks =
    [
        (1, "Finish the quarterly report"), (2, "Buy groceries"), (3, "Call the dentist"), (4, "Call mom"),
        (5, "Pay the electricity bill"), (6, "Book flights to Lisbon"),
    ];

    [Theory]
    [InlineData("the report", 1)]
    [InlineData("report", 1)]
    [InlineData("groceries", 2)]
    [InlineData("grocery", 2)]
    [InlineData("the grocries", 2)]
    [InlineData("the dentist one", 3)]
    [InlineData("dentsit", 3)]
    [InlineData("calling mom", 4)]
    [InlineData("the electric bill", 5)]
    [InlineData("lisbon flights", 6)]
    [InlineData("the quarterly one", 1)]
    public void FindsTheTaskPeopleMean(string words, int expected)
    {
        var outcome = TaskMatcher.Decide(words, Tasks);
        Assert.Equal(MatchKind.Found, outcome.Kind);
        Assert.Equal(expected, outcome.Best!.Number);
    }

    [Fact]
    public void TwoTasksThatFitAboutEquallyAreBothOffered()
    {
        var outcome = TaskMatcher.Decide("the call", Tasks);
        Assert.Equal(MatchKind.Ambiguous, outcome.Kind);
        Assert.Equal([3, 4], outcome.Candidates.Select(c => c.Number).Order());
    }

    [Theory]
    [InlineData("the gym session")]
    [InlineData("car")]
    public void NothingFitsWhenNoWordDoes(string words) =>
        Assert.Equal(MatchKind.NotFound, TaskMatcher.Decide(words, Tasks).Kind);

    [Fact]
    public void ShortWordsMustMatchExactlySoCatDoesNotFindCar()
    {
        var ranked = TaskMatcher.Rank("cat", [(1, "Wash the car"), (2, "Feed the cat")]);
        Assert.Equal([2], ranked.Select(m => m.Number));
    }

    [Fact]
    public void WhenNothingFitsTheClosestIsStillKnown()
    {
        var outcome = TaskMatcher.Decide("pay the water bill", Tasks);
        Assert.Equal(5, outcome.Closest!.Number);
    }
}
