using System.Text.Json;
using TaskChat.Web.Chat.Conversations;
using TaskChat.Web.Chat.Events;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Operations;

namespace TaskChat.Web.Chat.Components;

/// <summary>
/// What the chat page's scripts need to know that the server decides: status labels, tool icons,
/// the event-number stride and the title limit. Rendered once into the page as a JSON data block
/// (not executed, so the content security policy has nothing to say about it), so no script keeps
/// a copy that could drift from the server's.
/// </summary>
public static class ChatVocabulary
{
    public static string Json { get; } = JsonSerializer.Serialize(new
    {
        EventsPerTurn = EventNumbers.PerTurn,
        TitleMaxLength = ConversationTitle.MaxLength,
        MessageStatus = Enum.GetValues<MessageStatus>().ToDictionary(WireNames.Of, MessageStatusText.Of),
        ToolStatus = Enum.GetValues<ToolCallStatus>().ToDictionary(WireNames.Of, ToolCallText.Status),
        ToolIcons = ToolCallText.Icons,
        DefaultToolIcon = ToolCallText.DefaultIcon,
    }, JsonDefaults.Wire);
}
