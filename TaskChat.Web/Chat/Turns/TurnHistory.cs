using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using TaskChat.Web.Assistant;
using TaskChat.Web.Chat.Branches;
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
    /// is never shown to the model again as if it were part of this one. Two queries (the tree's
    /// shape, then the branch's messages with their tool calls): they run before the first token.
    /// </summary>
    public static async Task<TurnHistory> LoadAsync(
        TaskChatDbContext db, Guid conversationId, Guid? lastMessageId, int budget, CancellationToken cancellationToken)
    {
        var tree = await ConversationTree.LoadAsync(db, conversationId, cancellationToken);
        var branch = tree.PathTo(lastMessageId).TakeLast(budget).Select(n => n.Id).ToList();
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && branch.Contains(m.Id))
            .Include(m => m.ToolCalls)
            .AsSingleQuery()
            .ToListAsync(cancellationToken);
        var lastReply = messages.Where(m => m.Role == MessageRole.Assistant).MaxBy(m => m.SequenceNumber)?.Content;
        return new TurnHistory(Build(messages), lastReply);
    }

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
