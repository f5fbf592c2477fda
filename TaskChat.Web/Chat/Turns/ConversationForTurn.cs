using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Turns;

/// <summary>What a turn's start needs to know about an existing conversation.</summary>
internal sealed record ConversationForTurn(Conversation Conversation, bool HasStreamingReply, bool IsRepeat);
