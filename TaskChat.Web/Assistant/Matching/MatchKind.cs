namespace TaskChat.Web.Assistant.Matching;

/// <summary>How the words of a request fit the user's tasks.</summary>
public enum MatchKind
{
    /// <summary>One task fits clearly better than any other.</summary>
    Found,

    /// <summary>Two or more tasks fit about equally well: ask which.</summary>
    Ambiguous,

    /// <summary>Nothing fits; <see cref="MatchOutcome.Closest"/> holds the nearest, if any.</summary>
    NotFound,
}
