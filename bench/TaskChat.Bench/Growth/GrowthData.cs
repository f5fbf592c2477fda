using Npgsql;

namespace TaskChat.Bench.Growth;

/// <summary>
/// Bulk inserts straight into the bench database with INSERT ... SELECT generate_series: rows
/// the app itself would write (each reply's parent is the message before it, the conversation's
/// current branch ends at its last message), many thousands per statement. The search vectors
/// are generated columns, so PostgreSQL fills them as for the app's own writes.
/// </summary>
internal sealed class GrowthData(string connectionString)
{
    /// <summary>Conversations of <paramref name="messages"/> messages each (user, assistant, ...), returns their ids.</summary>
    public async Task<IReadOnlyList<Guid>> AddConversationsAsync(Guid userId, int count, int messages)
    {
        // A tag per call keeps the md5-derived ids of one call apart from every other's.
        var tag = Guid.NewGuid().ToString("N");
        await ExecuteAsync(
            """
            INSERT INTO conversations (id, user_id, title, created_at, updated_at, is_pinned, last_sequence_number)
            SELECT md5(@tag || c)::uuid, @user, 'Bench conversation ' || c, now() - interval '30 days', now() - c * interval '1 second', false, @messages
            FROM generate_series(1, @count) c;

            INSERT INTO messages (id, conversation_id, parent_id, sequence_number, role, content, status, client_message_id, created_at, completed_at)
            SELECT md5(@tag || c || ':' || s)::uuid, md5(@tag || c)::uuid,
                   CASE WHEN s > 1 THEN md5(@tag || c || ':' || (s - 1))::uuid END, s,
                   CASE WHEN s % 2 = 1 THEN 'user' ELSE 'assistant' END,
                   CASE WHEN s % 2 = 1 THEN 'what is on my list today ' || s ELSE 'you have three tasks due, the first is ' || s END,
                   'completed',
                   CASE WHEN s % 2 = 1 THEN 'bench-' || md5(@tag || c || ':' || s) END,
                   now() - interval '30 days' + s * interval '1 second', now() - interval '30 days' + s * interval '1 second'
            FROM generate_series(1, @count) c, generate_series(1, @messages) s;

            UPDATE conversations SET current_message_id = md5(@tag || g || ':' || @messages)::uuid
            FROM generate_series(1, @count) g
            WHERE @messages > 0 AND conversations.id = md5(@tag || g)::uuid;
            """,
            ("tag", tag), ("user", userId), ("count", count), ("messages", messages));
        return await IdsAsync(tag, count);
    }

    /// <summary>Open tasks numbered 1..count for the user, as the app numbers them.</summary>
    public Task AddTasksAsync(Guid userId, int count) => ExecuteAsync(
        """
        INSERT INTO tasks (id, user_id, number, title, is_completed, created_at, updated_at, priority)
        SELECT gen_random_uuid(), @user, n, 'Bench task ' || n, false, now() - n * interval '1 minute', now(), 'normal'
        FROM generate_series(1, @count) n;
        UPDATE "AspNetUsers" SET "LastTaskNumber" = @count WHERE "Id" = @user;
        """,
        ("user", userId), ("count", count));

    /// <summary>
    /// What autovacuum would long have done on a database that grew over time: vacuumed (the
    /// visibility map that index-only scans need), analyzed (planner statistics) and written
    /// out, so that neither stale statistics nor the bulk insert's aftermath (autovacuum, a
    /// checkpoint) fall into the next measurement. VACUUM runs outside a transaction, one table each.
    /// </summary>
    public async Task SettleAsync()
    {
        foreach (var table in new[] { "conversations", "messages", "tasks", "\"AspNetUsers\"" })
        {
            await ExecuteAsync($"VACUUM (ANALYZE) {table}");
        }

        await ExecuteAsync("CHECKPOINT");
    }

    public async Task<(long Messages, long Conversations, string Size)> SizeAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM messages), (SELECT count(*) FROM conversations), pg_size_pretty(pg_database_size(current_database()))", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2));
    }

    /// <summary>Drops an index and returns the statement that makes it again (from pg_indexes, so it is exactly the migration's).</summary>
    public async Task<string> DropIndexAsync(string name)
    {
        await using var connection = await OpenAsync();
        await using var read = new NpgsqlCommand("SELECT indexdef FROM pg_indexes WHERE indexname = @name", connection);
        read.Parameters.AddWithValue("name", name);
        var definition = await read.ExecuteScalarAsync() as string ?? throw new InvalidOperationException($"No index {name}.");
        await ExecuteAsync($"DROP INDEX \"{name}\"");
        return definition;
    }

    public Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters) => ExecuteAsync(sql, TimeSpan.FromMinutes(5), parameters);

    private async Task ExecuteAsync(string sql, TimeSpan timeout, (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = (int)timeout.TotalSeconds };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private async Task<IReadOnlyList<Guid>> IdsAsync(string tag, int count)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT md5(@tag || c)::uuid FROM generate_series(1, @count) c", connection);
        command.Parameters.AddWithValue("tag", tag);
        command.Parameters.AddWithValue("count", count);
        var ids = new List<Guid>(count);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
