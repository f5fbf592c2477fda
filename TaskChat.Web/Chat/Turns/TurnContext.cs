using TaskChat.Web.Chat.Events;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Turns;

/// <summary>Everything a running turn needs to know about itself.</summary>
internal sealed record TurnContext(
    Guid UserId,
    Guid ConversationId,
    Message Assistant,
    string Text,
    Guid? ConfirmToolCallId,
    RunningTurn Running,
    TurnEmitter Emitter);
