using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using TaskChat.Web.Assistant;
using TaskChat.Web.Chat.Conversations;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// The server's half of two-step deletion, for one turn. A deletion tool (<c>delete_task</c>,
/// <c>delete_tasks</c>) only proposes (its call
/// ends as <c>needs_confirmation</c>) and the server asks the question itself, naming every task
/// (<see cref="DeletionQuestion"/>). At most one proposal waits per conversation: a new one
/// replaces it, visibly (<c>superseded</c>). It waits however many messages come between, each
/// reply ending with the server's reminder, until the Confirm / Cancel button answers it, or a
/// typed "yes" / "no" that answers the server's own sentence at the end of the reply before.
/// </summary>
internal sealed class PendingDeletions(TaskChatDbContext db, TurnContext turn, ToolCallLog log)
{
    private ToolCall? waiting;
    private bool askedThisTurn;

    public static Task<bool> ExistsAsync(TaskChatDbContext db, Guid? conversationId, Guid toolCallId, CancellationToken cancellationToken) =>
        conversationId is null
            ? Task.FromResult(false)
            : db.ToolCalls.AnyAsync(t => t.Id == toolCallId
                && t.Message!.ConversationId == conversationId
                && t.Status == ToolCallStatus.NeedsConfirmation, cancellationToken);

    /// <summary>Before the model runs: finds the waiting proposal and carries out or declines it if this turn answers it.</summary>
    public async Task ResolveAsync(TaskTools tools, TurnHistory history, CancellationToken cancellationToken)
    {
        if (!turn.MayHaveProposal)
        {
            return;
        }

        var open = await db.ToolCalls
            .Where(t => t.Message!.ConversationId == turn.ConversationId && t.Status == ToolCallStatus.NeedsConfirmation)
            .OrderByDescending(t => t.StartedAt)
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return;
        }

        // Only the newest stands; older ones are left from before proposals replaced each other.
        waiting = open[0];
        foreach (var older in open.Skip(1))
        {
            older.Status = ToolCallStatus.Superseded;
        }

        var target = turn.ConfirmToolCallId is { } id
            ? open.FirstOrDefault(t => t.Id == id)
            : DeletionQuestion.IsAnsweredBy(history.LastReply, waiting) ? waiting : null;
        var answer = target is null ? Confirmation.None : ConfirmationReply.Parse(turn.Text);
        if (answer != Confirmation.None)
        {
            target!.Status = answer == Confirmation.Yes ? ToolCallStatus.Confirmed : ToolCallStatus.Declined;
            waiting = waiting == target ? null : waiting;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (answer == Confirmation.Yes)
        {
            await CarryOutAsync(target!, tools, history, cancellationToken);
        }
    }

    /// <summary>
    /// A deletion was just proposed: it replaces the one waiting, if any, and the server asks its
    /// question. Returns what the server says, to be streamed right after the proposal's card.
    /// </summary>
    public async Task<string> ProposedAsync(ToolCall proposal)
    {
        var said = new List<string>();
        if (waiting is { } replaced && replaced != proposal)
        {
            replaced.Status = ToolCallStatus.Superseded;
            await db.SaveChangesAsync(CancellationToken.None);
            await turn.Emitter.ToolCallCompletedAsync(replaced.Id, replaced.Name, MessageMapping.ParseOrNull(replaced.Result ?? "null")!.Value, replaced.Status);
            said.Add(DeletionQuestion.Replaced(DeletionQuestion.TasksOf(replaced)));
        }

        waiting = proposal;
        askedThisTurn = true;
        said.Add(DeletionQuestion.Ask(DeletionQuestion.TasksOf(proposal)));
        return string.Join("\n\n", said);
    }

    /// <summary>
    /// What ends a reply while an earlier proposal still waits: the server's reminder, so a typed
    /// "yes" always answers a question on the screen. A proposal made in this turn was asked
    /// where it was made; if the model wrote on after it, a typed yes will not count.
    /// </summary>
    public string? Reminder() =>
        waiting is { } proposal && !askedThisTurn && DeletionQuestion.TasksOf(proposal) is { Count: > 0 } tasks
            ? DeletionQuestion.Remind(tasks)
            : null;

    /// <summary>
    /// Deletes exactly the tasks the server's question named (a <c>delete_tasks</c> proposal all
    /// of them, or none if one has gone meanwhile), recorded as this turn's own tool call; the model
    /// is shown it as if it had made the call, so it can report what happened in its own words.
    /// </summary>
    private async Task CarryOutAsync(ToolCall approved, TaskTools tools, TurnHistory history, CancellationToken cancellationToken)
    {
        var numbers = DeletionQuestion.TasksOf(approved).Select(t => t.Number).ToList();
        var several = approved.Name == ToolNames.DeleteTasks;
        var arguments = JsonSerializer.Serialize(several
            ? new Dictionary<string, object> { ["numbers"] = numbers, ["confirmed"] = true }
            : new Dictionary<string, object> { ["number"] = numbers[0], ["confirmed"] = true });
        var row = await log.StartedAsync("confirm_" + approved.CallId, approved.Name, arguments);
        var result = several
            ? await tools.ConfirmDeleteAsync(numbers, cancellationToken)
            : await tools.ConfirmDeleteAsync(numbers[0], cancellationToken);
        await log.CompletedAsync(row, result);

        history.Messages.Add(new ChatMessage(ChatRole.Assistant, [TurnHistory.ToCall(row)]));
        history.Messages.Add(new ChatMessage(ChatRole.Tool, [TurnHistory.ToResult(row)]));
    }
}
