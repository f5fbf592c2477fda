using TaskChat.Web.Chat.Model;
using TaskChat.Web.Data;
using TaskChat.Web.Identity;
using TaskChat.Web.Tasks;

namespace TaskChat.Bench.Usage;

/// <summary>
/// A long history written straight into the tables (the turn path would take hours for 100,000
/// messages): conversations of 100 messages, replies from three models with token counts and
/// first-token times, a tool call on every third reply, and tasks, spread over the last 90 days.
/// </summary>
internal static class UsageSeed
{
    private static readonly string[] Models = ["gpt-4o-mini", "gemini-2.0-flash", "llama3.2"];
    private static readonly string[] Tools = ["add_task", "list_tasks", "complete_task", "update_task", "delete_task"];
    private static readonly ToolCallStatus[] Statuses = [ToolCallStatus.Succeeded, ToolCallStatus.Succeeded, ToolCallStatus.Succeeded, ToolCallStatus.Failed, ToolCallStatus.NeedsConfirmation];

    public static async Task<AppUser> UserAsync(TaskChatDbContext db, string timeZone)
    {
        var user = Servers.TaskChatServer.NewUser("usage");
        user.TimeZone = timeZone;
        db.Users.Add(user);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return user;
    }

    public static async Task HistoryAsync(TaskChatDbContext db, Guid userId, int messages, int seed)
    {
        var random = new Random(seed);
        var now = DateTime.UtcNow;
        var span = TimeSpan.FromDays(90).Ticks;
        const int perConversation = 100;
        for (var start = 0; start < messages; start += perConversation)
        {
            var count = Math.Min(perConversation, messages - start);
            var at = now.AddTicks(-(long)(random.NextDouble() * span));
            var conversation = new Conversation { UserId = userId, Title = "Bench", CreatedAt = at, UpdatedAt = at, LastSequenceNumber = count };
            db.Conversations.Add(conversation);
            for (var sequence = 1; sequence <= count; sequence++)
            {
                at = at.AddSeconds(random.Next(5, 600));
                db.Messages.Add(sequence % 2 == 1 ? UserMessage(conversation.Id, sequence, at) : Reply(conversation.Id, sequence, at, random, db));
            }

            if (start % 5_000 == 0 || start + perConversation >= messages)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        for (var number = 1; number <= messages / 30; number++)
        {
            var created = now.AddTicks(-(long)(random.NextDouble() * span));
            var done = random.Next(2) == 0;
            db.Tasks.Add(new TaskItem
            {
                UserId = userId,
                Number = number,
                Title = $"Task {number}",
                CreatedAt = created,
                UpdatedAt = created,
                IsCompleted = done,
                CompletedAt = done ? created.AddHours(random.Next(1, 48)) : null,
            });
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private static Message UserMessage(Guid conversationId, int sequence, DateTime at) => new()
    {
        ConversationId = conversationId,
        SequenceNumber = sequence,
        Role = MessageRole.User,
        Content = "Add something to my list",
        Status = MessageStatus.Completed,
        CreatedAt = at,
        CompletedAt = at,
    };

    private static Message Reply(Guid conversationId, int sequence, DateTime at, Random random, TaskChatDbContext db)
    {
        var reply = new Message
        {
            ConversationId = conversationId,
            SequenceNumber = sequence,
            Role = MessageRole.Assistant,
            Content = "Done: I added it to your list.",
            Status = random.Next(50) == 0 ? MessageStatus.Failed : MessageStatus.Completed,
            CreatedAt = at,
            CompletedAt = at.AddSeconds(2),
            Provider = "openai",
            Model = Models[random.Next(Models.Length)],
            InputTokens = random.Next(200, 4000),
            OutputTokens = random.Next(10, 400),
            FirstTokenMs = random.Next(80, 2500),
        };
        if (sequence % 3 == 0)
        {
            db.ToolCalls.Add(new ToolCall
            {
                MessageId = reply.Id,
                CallId = $"call_{Guid.NewGuid():N}",
                Name = Tools[random.Next(Tools.Length)],
                Status = Statuses[random.Next(Statuses.Length)],
                StartedAt = at,
                CompletedAt = at.AddMilliseconds(30),
            });
        }

        return reply;
    }
}
