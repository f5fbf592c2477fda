using Npgsql;
using NpgsqlTypes;

namespace TaskChat.Bench.Search;

/// <summary>
/// Synthetic chat history written with COPY: sentences from a fixed vocabulary, so a query's
/// share of matching messages is known: a rare word, an uncommon one, a common one, two words,
/// and a prefix typed half-way.
/// </summary>
internal static class SearchCorpus
{
    public static readonly (string Label, string Query, string Share)[] Queries =
    [
        ("rare word", "xylophone", "0.1 %"),
        ("uncommon word", "dentist", "1 %"),
        ("common word", "groceries", "10 %"),
        ("two words", "dentist appointment", "0.1 %"),
        ("prefix", "groc", "10 %"),
    ];

    private static readonly string[] Filler =
    [
        "please", "remember", "the", "task", "list", "today", "tomorrow", "call", "email", "meeting", "project", "report",
        "kitchen", "garden", "car", "bank", "invoice", "birthday", "trip", "train", "ticket", "flight", "hotel", "school",
        "homework", "laundry", "dinner", "lunch", "coffee", "friend", "family", "doctor", "pharmacy", "gym", "run", "book",
    ];

    public static async Task InsertAsync(NpgsqlConnection connection, Guid userId, int conversations, int perConversation, int seed)
    {
        var random = new Random(seed);
        var now = DateTime.UtcNow;
        await using (var user = new NpgsqlCommand(
            """INSERT INTO "AspNetUsers" ("Id", "AccessFailedCount", "EmailConfirmed", "LockoutEnabled", "PhoneNumberConfirmed", "TwoFactorEnabled", "LastTaskNumber", "CreatedAt", "TimeZone") VALUES (@id, 0, FALSE, FALSE, FALSE, FALSE, 0, now(), 'UTC')""",
            connection))
        {
            user.Parameters.AddWithValue("id", userId);
            await user.ExecuteNonQueryAsync();
        }

        var ids = Enumerable.Range(0, conversations).Select(_ => Guid.CreateVersion7()).ToList();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY conversations (id, user_id, title, created_at, updated_at, last_sequence_number, is_pinned) FROM STDIN (FORMAT BINARY)"))
        {
            for (var c = 0; c < conversations; c++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(ids[c], NpgsqlDbType.Uuid);
                await writer.WriteAsync(userId, NpgsqlDbType.Uuid);
                await writer.WriteAsync($"Conversation {c} about {Filler[random.Next(Filler.Length)]}", NpgsqlDbType.Varchar);
                await writer.WriteAsync(now.AddDays(-c), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(now.AddDays(-c), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(perConversation, NpgsqlDbType.Integer);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
            }

            await writer.CompleteAsync();
        }

        await using var messages = await connection.BeginBinaryImportAsync(
            "COPY messages (id, conversation_id, parent_id, sequence_number, role, content, status, created_at, completed_at) FROM STDIN (FORMAT BINARY)");
        foreach (var conversationId in ids)
        {
            Guid? parent = null;
            for (var i = 1; i <= perConversation; i++)
            {
                var id = Guid.CreateVersion7();
                var at = now.AddMinutes(-perConversation + i);
                await messages.StartRowAsync();
                await messages.WriteAsync(id, NpgsqlDbType.Uuid);
                await messages.WriteAsync(conversationId, NpgsqlDbType.Uuid);
                if (parent is { } p)
                {
                    await messages.WriteAsync(p, NpgsqlDbType.Uuid);
                }
                else
                {
                    await messages.WriteNullAsync();
                }

                await messages.WriteAsync(i, NpgsqlDbType.Integer);
                await messages.WriteAsync(i % 2 == 1 ? "user" : "assistant", NpgsqlDbType.Varchar);
                await messages.WriteAsync(Sentence(random), NpgsqlDbType.Text);
                await messages.WriteAsync("completed", NpgsqlDbType.Varchar);
                await messages.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await messages.WriteAsync(at, NpgsqlDbType.TimestampTz);
                parent = id;
            }
        }

        await messages.CompleteAsync();
    }

    private static string Sentence(Random random)
    {
        var words = Enumerable.Range(0, 12).Select(_ => Filler[random.Next(Filler.Length)]).ToList();
        var roll = random.NextDouble();
        if (roll < 0.001)
        {
            words.Insert(3, "xylophone");
        }
        else if (roll < 0.002)
        {
            words.InsertRange(3, ["dentist", "appointment"]);
        }
        else if (roll < 0.011)
        {
            words.Insert(5, "dentist");
        }

        if (random.NextDouble() < 0.1)
        {
            words.Add("groceries");
        }

        return string.Join(' ', words);
    }
}
