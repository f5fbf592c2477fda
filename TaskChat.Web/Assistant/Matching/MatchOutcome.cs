namespace TaskChat.Web.Assistant.Matching;

/// <summary>What the words of a request point at among the user's tasks.</summary>
public sealed record MatchOutcome(MatchKind Kind, IReadOnlyList<TaskMatch> Candidates)
{
    public TaskMatch? Best => Kind == MatchKind.Found ? Candidates[0] : null;

    public TaskMatch? Closest => Candidates.Count > 0 ? Candidates[0] : null;
}
