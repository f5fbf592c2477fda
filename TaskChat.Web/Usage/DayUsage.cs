namespace TaskChat.Web.Usage;

/// <summary>One calendar day in the user's time zone.</summary>
public sealed record DayUsage(DateOnly Date, int Turns, int TasksCreated, int TasksCompleted);
