namespace TaskChat.Web.Chat.Contracts;

/// <summary>
/// One hit of <c>GET /api/v1/search</c>. <see cref="Snippet"/> is HTML: the text around the match,
/// escaped, with the matched words in <c>&lt;mark&gt;</c>. A hit on a title points at the
/// conversation's first message.
/// </summary>
public sealed record SearchResult(Guid ConversationId, string ConversationTitle, Guid MessageId, string Snippet, DateTime CreatedAt);
