using TaskChat.Web.Chat.Events;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// Everything a running turn needs to know about itself. <see cref="MayHaveProposal"/> is false
/// only when the conversation was read at the start with no deletion waiting and no reply that
/// could still propose one: then <see cref="PendingDeletions"/> need not look.
/// </summary>
internal sealed record TurnContext(
    Guid UserId,
    Guid ConversationId,
    Message Assistant,
    string Text,
    Guid? ConfirmToolCallId,
    RunningTurn Running,
    TurnEmitter Emitter,
    bool MayHaveProposal = true);
