using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Chat.Conversations;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Identity;
using TaskChat.Web.Tasks;

namespace TaskChat.Web.Data;

/// <summary>
/// The one context for Identity, tasks and chat. It is abstract so that each provider has a
/// derived context with its own migrations (see <see cref="SqliteTaskChatDbContext"/> and
/// <see cref="PostgresTaskChatDbContext"/>); the app only ever asks for this type.
/// </summary>
public abstract class TaskChatDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<TaskItem> Tasks => Set<TaskItem>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<ToolCall> ToolCalls => Set<ToolCall>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<TaskItem>(task =>
        {
            task.ToTable("tasks");
            task.HasIndex(t => new { t.UserId, t.Number }).IsUnique();
            task.HasIndex(t => new { t.UserId, t.CreatedAt });
            task.HasIndex(t => new { t.UserId, t.CompletedAt });
            task.Property(t => t.Title).HasMaxLength(TaskRules.TitleMaxLength);
            task.Property(t => t.Description).HasMaxLength(TaskRules.DescriptionMaxLength);
            task.Property(t => t.Priority).HasConversion(LowercaseEnum<TaskPriority>()).HasMaxLength(10);
            task.Property(t => t.List).HasMaxLength(TaskRules.ListMaxLength);
            // A deleted task waits hidden for a possible Undo (see TaskItem.DeletedAt).
            task.HasQueryFilter(t => t.DeletedAt == null);
            task.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AppUser>().Property(u => u.TimeZone).HasMaxLength(TimeZones.MaxLength);

        builder.Entity<Conversation>(conversation =>
        {
            conversation.ToTable("conversations");
            conversation.HasIndex(c => new { c.UserId, c.UpdatedAt });
            conversation.HasIndex(c => new { c.UserId, c.IsPinned, c.UpdatedAt, c.Id });
            conversation.Property(c => c.Title).HasMaxLength(ConversationTitle.MaxLength);
            conversation.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Message>(message =>
        {
            message.ToTable("messages");
            message.HasIndex(m => new { m.ConversationId, m.SequenceNumber }).IsUnique();
            message.HasIndex(m => new { m.ConversationId, m.ClientMessageId }).IsUnique();
            // A repeated send without a conversation id is found by its client_message_id alone:
            // the unique index above leads with conversation_id and cannot be sought by it.
            message.HasIndex(m => m.ClientMessageId, "IX_messages_client_message_id").HasFilter("client_message_id IS NOT NULL");
            // "Is a reply streaming in this conversation?" (every send) and "which replies are
            // streaming?" (start-up, the sweep for dead nodes) read only the few streaming rows.
            message.HasIndex(m => m.ConversationId, "IX_messages_conversation_id_streaming").HasFilter("status = 'streaming'");
            // The usage page reads a user's replies in a period from this index alone (PostgreSQL
            // includes the figures in it): one conversation after another, no table rows touched.
            message.HasIndex(m => new { m.ConversationId, m.CreatedAt }, "IX_messages_usage")
                .HasFilter("role = 'assistant'")
                .IncludeProperties(m => new { m.Id, m.Provider, m.Model, m.InputTokens, m.OutputTokens, m.FirstTokenMs });
            message.HasIndex(m => m.CreatedAt);
            message.Property(m => m.Provider).HasMaxLength(50);
            message.Property(m => m.Model).HasMaxLength(200);
            message.HasIndex(m => new { m.ConversationId, m.ParentId });
            message.HasOne<Message>().WithMany().HasForeignKey(m => m.ParentId).OnDelete(DeleteBehavior.Cascade);
            message.Property(m => m.ClientMessageId).HasMaxLength(100);
            message.Property(m => m.Role).HasConversion(LowercaseEnum<MessageRole>()).HasMaxLength(20);
            message.Property(m => m.Status).HasConversion(LowercaseEnum<MessageStatus>()).HasMaxLength(20);
            message.HasOne(m => m.Conversation).WithMany(c => c.Messages)
                .HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ToolCall>(toolCall =>
        {
            toolCall.ToTable("tool_calls");
            toolCall.HasIndex(t => t.MessageId);
            toolCall.Property(t => t.CallId).HasMaxLength(200);
            toolCall.Property(t => t.Name).HasMaxLength(100);
            toolCall.Property(t => t.Status).HasConversion(LowercaseEnum<ToolCallStatus>()).HasMaxLength(30);
            toolCall.HasOne(t => t.Message).WithMany(m => m.ToolCalls)
                .HasForeignKey(t => t.MessageId).OnDelete(DeleteBehavior.Cascade);
        });

        ModelConventions.UseSnakeCaseColumns(builder, "tasks", "conversations", "messages", "tool_calls");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Every timestamp is UTC. SQLite hands back DateTimeKind.Unspecified, which would
        // serialize without the 'Z' and shift times in the browser; the converter restores it.
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<TEnum, string> LowercaseEnum<TEnum>()
        where TEnum : struct, Enum =>
        new(value => ModelConventions.ToSnakeCase(value.ToString()), text => Enum.Parse<TEnum>(text.Replace("_", ""), true));
}
