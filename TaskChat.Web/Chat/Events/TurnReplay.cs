using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Conversations;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Chat.Turns;
using TaskChat.Web.Data;

namespace TaskChat.Web.Chat.Events;

/// <summary>
/// Rebuilds a finished turn's events from the database, for a repeated send whose turn is
/// no longer buffered: the client sees the same shape of stream as the first time.
/// </summary>
internal static class TurnReplay
{
    public static async IAsyncEnumerable<ChatEvent> FromDatabaseAsync(
        IServiceScopeFactory scopes, Guid userId, TurnStart start, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == start.ConversationId && m.Conversation!.UserId == userId)
            .Where(m => m.Id == start.AssistantMessageId || m.SequenceNumber == EventNumbers.TurnOf(start.FirstEvent) - 1)
            .Include(m => m.ToolCalls)
            .Include(m => m.Conversation)
            .ToListAsync(cancellationToken);
        var user = messages.FirstOrDefault(m => m.Role == MessageRole.User);
        var reply = messages.FirstOrDefault(m => m.Id == start.AssistantMessageId);
        if (user is null || reply is null)
        {
            yield break;
        }

        var next = start.FirstEvent;
        yield return new TurnStartedEvent(start.ConversationId, next++, MessageMapping.ToDto(user), reply.Id, user.Conversation!.Title);
        foreach (var call in reply.ToolCalls.OrderBy(c => c.StartedAt).Select(MessageMapping.ToDto))
        {
            yield return new ToolCallStartedEvent(start.ConversationId, next++, reply.Id, call.Id, call.Name, call.Arguments, call.Label);
            if (call.Result is { } result)
            {
                yield return new ToolCallCompletedEvent(start.ConversationId, next++, call.Id, call.Name, result, call.Status, call.Summary);
            }
        }

        if (reply.Status == MessageStatus.Streaming)
        {
            // Still being written on another node: show where it is rather than pretend it ended.
            yield return new TurnSnapshotEvent(start.ConversationId, next, reply.Id, reply.Content,
                reply.ToolCalls.Select(MessageMapping.ToDto).ToList(), reply.Status);
            yield break;
        }

        yield return new MessageCompletedEvent(start.ConversationId, next, reply.Id, reply.Content, reply.Status);
    }
}
