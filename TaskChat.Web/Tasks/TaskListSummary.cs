namespace TaskChat.Web.Tasks;

/// <summary>One of a user's lists: its name as first spelled and how many of its tasks are still open.</summary>
public sealed record TaskListSummary(string Name, int OpenCount);
