using TaskChat.Web.Chat.Contracts;

namespace TaskChat.Tests.Chat;

/// <summary>What a client has seen of a reply: its token events' deltas, in order.</summary>
public static class ChatEventText
{
    public static string StreamedText(this IEnumerable<ChatEvent> events) =>
        string.Concat(events.OfType<TokenEvent>().Select(token => token.Delta));
}
