namespace TaskChat.Web.Assistant.Matching;

/// <summary>One task and how well it fits the words someone used for it (0 to 100).</summary>
public sealed record TaskMatch(int Number, string Title, int Score);
