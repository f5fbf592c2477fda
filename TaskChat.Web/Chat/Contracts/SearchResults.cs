namespace TaskChat.Web.Chat.Contracts;

public sealed record SearchResults(IReadOnlyList<SearchResult> Results);
