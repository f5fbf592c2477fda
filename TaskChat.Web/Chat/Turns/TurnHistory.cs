using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using TaskChat.Web.Assistant;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// The model's context for a turn, rebuilt from what was persisted, tool calls and results
/// included, keeping the newest messages within the budget; and the reply the user's message
/// answers (the latest assistant message), which decides whether a typed "yes" confirms anything.
/// </summary>
internal sealed record TurnHistory(List<ChatMessage> Messages, string? LastReply)
{
    /// <summary>
    /// The branch being extended, up to and including <paramref name="lastMessageId"/> (the
    /// message the reply answers): never a sibling branch, so a tool call made on an old branch
    /// is never shown to the model again as if it were part of this one. One query before the
    /// first token: the branch is walked up from that message by parent, at most
    /// <paramref name="budget"/> steps, so its cost follows the budget, not the conversation's length.
    /// </summary>
    public static async Task<TurnHistory> LoadAsync(
        TaskChatDbContext db, Guid conversationId, Guid? lastMessageId, int budget, CancellationToken cancellationToken)
    {
        var branch = BranchUpFrom(db, conversationId, lastMessageId ?? Guid.Empty, budget);
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && branch.Contains(m.Id))
            .Include(m => m.ToolCalls)
            .AsSingleQuery()
            .ToListAsync(cancellationToken);
        var lastReply = messages.Where(m => m.Role == MessageRole.Assistant).MaxBy(m => m.SequenceNumber)?.Content;
        return new TurnHistory(Build(messages), lastReply);
    }

    /// <summary>The ids of a message and its ancestors, newest first, as a subquery (the same SQL on both providers).</summary>
    private static IQueryable<Guid> BranchUpFrom(TaskChatDbContext db, Guid conversationId, Guid messageId, int budget) =>
        db.Database.SqlQuery<Guid>($"""
            WITH RECURSIVE branch(id, parent_id, depth) AS (
                SELECT id, parent_id, 1 FROM messages WHERE id = {messageId} AND conversation_id = {conversationId}
                UNION ALL
                SELECT m.id, m.parent_id, b.depth + 1 FROM messages m JOIN branch b ON m.id = b.parent_id
                WHERE b.depth < {budget})
            SELECT id AS "Value" FROM branch
            """);

    private static List<ChatMessage> Build(List<Message> messages)
    {
        var history = new List<ChatMessage> { new(ChatRole.System, AssistantPrompt.System) };
        foreach (var message in messages.OrderBy(m => m.SequenceNumber))
        {
            if (message.Role == MessageRole.User)
            {
                history.Add(new ChatMessage(ChatRole.User, message.Content));
                continue;
            }

            var calls = message.ToolCalls.Where(c => c.Result is not null).OrderBy(c => c.StartedAt).ToList();
            if (calls.Count > 0)
            {
                history.Add(new ChatMessage(ChatRole.Assistant, [.. calls.Select(ToCall)]));
                history.Add(new ChatMessage(ChatRole.Tool, [.. calls.Select(ToResult)]));
            }

            if (message.Content.Length > 0)
            {
                history.Add(new ChatMessage(ChatRole.Assistant, message.Content));
            }
        }

        return history;
    }

    public static AIContent ToCall(ToolCall call) =>
        new FunctionCallContent(call.CallId, call.Name,
            JsonSerializer.Deserialize<Dictionary<string, object?>>(call.Arguments) ?? []);

    public static AIContent ToResult(ToolCall call) =>
        new FunctionResultContent(call.CallId, JsonSerializer.Deserialize<JsonElement>(call.Result ?? "null"));
}
