namespace TaskChat.Web.Assistant.Matching;

public enum MatchKind
{
    /// <summary>One task fits clearly better than any other.</summary>
    Found,

    /// <summary>Two or more tasks fit about equally well: ask which.</summary>
    Ambiguous,

    /// <summary>Nothing fits; <see cref="MatchOutcome.Closest"/> holds the nearest, if any.</summary>
    NotFound,
}

/// <summary>What the words of a request point at among the user's tasks.</summary>
public sealed record MatchOutcome(MatchKind Kind, IReadOnlyList<TaskMatch> Candidates)
{
    public TaskMatch? Best => Kind == MatchKind.Found ? Candidates[0] : null;

    public TaskMatch? Closest => Candidates.Count > 0 ? Candidates[0] : null;
}
