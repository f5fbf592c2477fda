using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Components;

/// <summary>What a reply's status line says; the page receives these through <see cref="ChatVocabulary"/>.</summary>
public static class MessageStatusText
{
    public static string Of(MessageStatus status) => status switch
    {
        MessageStatus.Streaming => "Writing…",
        MessageStatus.Cancelled => "Stopped",
        MessageStatus.Failed => "The reply failed.",
        MessageStatus.Interrupted => "The reply was interrupted.",
        _ => "",
    };
}
