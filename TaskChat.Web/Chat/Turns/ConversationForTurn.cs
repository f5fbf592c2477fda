using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// What a turn's start needs to know about an existing conversation, in one query: whether a
/// reply is still streaming, whether this send repeats an earlier one, and whether a deletion
/// waits for its answer (so the turn looks for it only then).
/// </summary>
internal sealed record ConversationForTurn(Conversation Conversation, bool HasStreamingReply, bool IsRepeat, bool HasProposal);
