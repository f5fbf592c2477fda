using TaskChat.Bench.Driver;
using TaskChat.Bench.Report;
using static TaskChat.Bench.Report.GrowthResult;

namespace TaskChat.Bench.Growth;

/// <summary>
/// First token and whole turn as the data grows: the conversation's length, the user's tasks
/// and conversations, and other users' messages in the database, each made by bulk inserts;
/// then, on the largest database, the same turns with one of two indexes dropped, to show
/// what each saves. TaskChat runs as one node of its own on the bench database.
/// </summary>
internal static class GrowthScenario
{
    public const string ClientMessageIndex = "IX_messages_client_message_id";
    public const string StreamingIndex = "IX_messages_conversation_id_streaming";

    public static async Task<GrowthResult> RunAsync(BenchPlan plan, BenchDatabase database, string logs, Action<string> step)
    {
        var sizes = plan.Growth;
        var script = plan.Model with { TokensPerTurn = sizes.TokensPerTurn };
        await using var server = await ServerProcess.StartAsync("TaskChat (growth)",
            ["taskchat", "--db", database.ConnectionString, .. script.ToArgs()], Path.Combine(logs, "taskchat-growth.log"));
        var users = 2 + sizes.ConversationLengths.Length + sizes.TaskCounts.Length + sizes.ConversationCounts.Length;
        var run = new GrowthRun(server, new GrowthData(database.ConnectionString), await server.SeedUsersAsync(users), plan, step);
        step($"growth: server up (pid {server.Pid}), {users} accounts, {sizes.Turns} turns of {sizes.TokensPerTurn} tokens per point");

        // Warm-up: the server's first turns (JIT, pools, caches), new conversations and an existing one, belong to no point.
        var (warmToken, warmUser) = run.NextUser();
        await run.MeasureAsync("warm-up", "-", warmToken, conversation: null, record: false);
        var warmConversation = (await run.InsertAsync(data => data.AddConversationsAsync(warmUser, 1, messages: 10)))[0];
        await run.MeasureAsync("warm-up", "-", warmToken, warmConversation, record: false);

        var (fewest, most) = await ConversationCountsAsync(run, sizes);
        var longest = await ConversationLengthsAsync(run, sizes);
        await TaskCountsAsync(run, sizes);
        var (small, largest, longestAtLargest) = await DatabaseSizesAsync(run, sizes, fewest, most, longest);
        var (noClientIndex, noStreamingIndex) = await BeforeFixesAsync(run, sizes, most, longest);
        var final = await run.Data.SizeAsync();
        return new GrowthResult(
            run.Points, small, largest,
            [new(ClientMessageIndex, largest, noClientIndex), new(StreamingIndex, longestAtLargest, noStreamingIndex)],
            run.InsertSeconds, $"{final.Messages:N0} messages, {final.Conversations:N0} conversations, {final.Size}", sizes.TokensPerTurn);
    }

    /// <returns>The tokens of the users with the fewest and with the most conversations.</returns>
    private static async Task<(string Fewest, string Most)> ConversationCountsAsync(GrowthRun run, GrowthPlan sizes)
    {
        var tokens = new List<string>();
        foreach (var count in sizes.ConversationCounts)
        {
            var (token, user) = run.NextUser();
            await run.InsertAsync(data => data.AddConversationsAsync(user, count, messages: 2));
            await run.MeasureAsync(ConversationCount, $"{count:N0}", token, conversation: null);
            tokens.Add(token);
        }

        return (tokens[0], tokens[^1]);
    }

    /// <returns>The longest conversation and its owner's token.</returns>
    private static async Task<(Guid Conversation, string Token)> ConversationLengthsAsync(GrowthRun run, GrowthPlan sizes)
    {
        (Guid, string) longest = default;
        foreach (var length in sizes.ConversationLengths)
        {
            var (token, user) = run.NextUser();
            var conversation = (await run.InsertAsync(data => data.AddConversationsAsync(user, 1, length)))[0];
            await run.MeasureAsync(ConversationLength, $"{length:N0}", token, conversation);
            longest = (conversation, token);
        }

        return longest;
    }

    private static async Task TaskCountsAsync(GrowthRun run, GrowthPlan sizes)
    {
        foreach (var count in sizes.TaskCounts)
        {
            var (token, user) = run.NextUser();
            var conversation = (await run.InsertAsync(async data =>
            {
                await data.AddTasksAsync(user, count);
                return await data.AddConversationsAsync(user, 1, messages: 0);
            }))[0];
            await run.MeasureAsync(TaskCount, $"{count:N0}", token, conversation);
        }
    }

    /// <summary>Other users' messages grow to each size; the first point is before any.</summary>
    /// <returns>The point before any; then, on the largest database, the user of the most conversations and the longest conversation.</returns>
    private static async Task<(GrowthPoint Small, GrowthPoint Most, GrowthPoint Longest)> DatabaseSizesAsync(
        GrowthRun run, GrowthPlan sizes, string fewest, string most, (Guid Conversation, string Token) longest)
    {
        var small = await run.MeasureAsync(DatabaseSize, $"0, user of {sizes.ConversationCounts[0]:N0} conversations", fewest, conversation: null);
        var (_, other) = run.NextUser();
        var inserted = 0;
        foreach (var total in sizes.DatabaseMessages)
        {
            var conversations = (total - inserted) / GrowthPlan.MessagesPerOtherConversation;
            await run.InsertAsync(data => data.AddConversationsAsync(other, conversations, GrowthPlan.MessagesPerOtherConversation));
            inserted += conversations * GrowthPlan.MessagesPerOtherConversation;
            await run.MeasureAsync(DatabaseSize, $"{total:N0}", fewest, conversation: null);
        }

        var largest = await run.MeasureAsync(DatabaseSize, $"{inserted:N0}, user of {sizes.ConversationCounts[^1]:N0} conversations", most, conversation: null);
        await run.MeasureAsync(DatabaseSize, $"{inserted:N0}, user of {sizes.ConversationCounts[^1]:N0} conversations, {GrowthPlan.ConcurrentClients} clients at once",
            most, conversation: null, clients: GrowthPlan.ConcurrentClients);
        return (small, largest,
            await run.MeasureAsync(DatabaseSize, $"{inserted:N0}, conversation of {sizes.ConversationLengths[^1]:N0} messages", longest.Token, longest.Conversation));
    }

    /// <summary>The same turns on the largest database without each index, then the index made again.</summary>
    private static async Task<(GrowthPoint NoClientIndex, GrowthPoint NoStreamingIndex)> BeforeFixesAsync(
        GrowthRun run, GrowthPlan sizes, string most, (Guid Conversation, string Token) longest) =>
        (await WithoutAsync(run, ClientMessageIndex, () =>
            run.MeasureAsync(Before, $"{ClientMessageIndex}: user of {sizes.ConversationCounts[^1]:N0} conversations", most, conversation: null)),
         await WithoutAsync(run, StreamingIndex, () =>
            run.MeasureAsync(Before, $"{StreamingIndex}: conversation of {sizes.ConversationLengths[^1]:N0} messages", longest.Token, longest.Conversation)));

    private static async Task<GrowthPoint> WithoutAsync(GrowthRun run, string index, Func<Task<GrowthPoint>> measure)
    {
        var definition = await run.Data.DropIndexAsync(index);
        try
        {
            return await measure();
        }
        finally
        {
            await run.Data.ExecuteAsync(definition);
        }
    }
}
