using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;

namespace TaskChat.Tests.Chat;

/// <summary>
/// Writes long histories straight into the database, through the app's own DbContext (so the
/// search triggers and generated columns see them as they see any write): one branch, each
/// message the child of the one before, alternating user and assistant.
/// </summary>
internal static class ConversationSeeder
{
    public static async Task<Conversation> AddAsync(TaskChatApplication app, Guid userId, string title, IReadOnlyList<string> texts, DateTime? start = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        // Whole microseconds, as PostgreSQL stores them, so what a test wrote is what it reads back.
        var at = start ?? DateTime.UtcNow.AddDays(-30);
        at = at.AddTicks(-(at.Ticks % 10));
        var conversation = new Conversation { UserId = userId, Title = title, CreatedAt = at, UpdatedAt = at.AddMinutes(texts.Count) };
        Guid? parent = null;
        for (var i = 0; i < texts.Count; i++)
        {
            var message = new Message
            {
                ConversationId = conversation.Id,
                ParentId = parent,
                SequenceNumber = i + 1,
                Role = i % 2 == 0 ? MessageRole.User : MessageRole.Assistant,
                Content = texts[i],
                Status = MessageStatus.Completed,
                CreatedAt = at.AddMinutes(i),
                CompletedAt = at.AddMinutes(i),
            };
            conversation.Messages.Add(message);
            parent = message.Id;
        }

        conversation.LastSequenceNumber = texts.Count;
        conversation.CurrentMessageId = parent;
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        return conversation;
    }
}
