using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using TaskChat.Web.Assistant;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// The server's half of two-step deletion. <c>delete_task</c> and <c>delete_tasks</c> only propose (its call ends as
/// <c>needs_confirmation</c>); the next turn settles every open proposal: a "yes" (or the
/// Confirm button) carries out the newest one, anything else declines them.
/// </summary>
internal static class PendingDeletions
{
    public static Task<bool> ExistsAsync(TaskChatDbContext db, Guid? conversationId, Guid toolCallId, CancellationToken cancellationToken) =>
        conversationId is null
            ? Task.FromResult(false)
            : db.ToolCalls.AnyAsync(t => t.Id == toolCallId
                && t.Message!.ConversationId == conversationId
                && t.Status == ToolCallStatus.NeedsConfirmation, cancellationToken);

    public static async Task ResolveAsync(
        TaskChatDbContext db, TurnContext turn, TaskTools tools, ToolCallLog log, TurnHistory history, CancellationToken cancellationToken)
    {
        // Every turn settles the proposals before it, so an open one can only be on the latest
        // reply, which the history always holds: without one (and without a Confirm button
        // press) there is nothing to look up, and the first token comes a round trip sooner.
        if (!history.HasOpenProposal && turn.ConfirmToolCallId is null)
        {
            return;
        }

        var pending = await db.ToolCalls
            .Where(t => t.Message!.ConversationId == turn.ConversationId && t.Status == ToolCallStatus.NeedsConfirmation)
            .OrderByDescending(t => t.StartedAt)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return;
        }

        var approved = turn.ConfirmToolCallId is { } id
            ? pending.FirstOrDefault(t => t.Id == id && ConfirmationReply.IsAffirmation(turn.Text))
            : ConfirmationReply.IsAffirmation(turn.Text) ? pending[0] : null;

        // Read before anything is marked, with the options the proposal itself was bound with: a
        // model may send the number as a string ("3"), which the tool accepted. A delete_tasks
        // proposal names several numbers; its one confirmation deletes them all.
        var target = approved is null ? null : JsonSerializer.Deserialize<DeleteArguments>(approved.Arguments, ToolResult.JsonOptions)!;
        foreach (var proposal in pending)
        {
            proposal.Status = proposal == approved ? ToolCallStatus.Confirmed : ToolCallStatus.Declined;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (approved is null)
        {
            return;
        }

        // The deletion is recorded as this turn's own tool call, and the model is shown it as
        // if it had made the call, so it can tell the user what happened in its own words.
        var callId = "confirm_" + approved.CallId;
        var arguments = JsonSerializer.Serialize(target!.Numbers is { } many
            ? new Dictionary<string, object> { ["numbers"] = many, ["confirmed"] = true }
            : new Dictionary<string, object> { ["number"] = target.Number, ["confirmed"] = true });
        var row = await log.StartedAsync(callId, approved.Name, arguments);
        var result = target.Numbers is { } numbers
            ? await tools.ConfirmDeleteAsync(numbers, cancellationToken)
            : await tools.ConfirmDeleteAsync(target.Number, cancellationToken);
        await log.CompletedAsync(row, result);

        history.Messages.Add(new ChatMessage(ChatRole.Assistant, [TurnHistory.ToCall(row)]));
        history.Messages.Add(new ChatMessage(ChatRole.Tool, [TurnHistory.ToResult(row)]));
    }

    private sealed record DeleteArguments(int Number, int[]? Numbers);
}
