namespace TaskChat.Bench.Driver;

/// <summary>Opens and closes many clients in batches, bounded in time, so a slow server cannot hang the run.</summary>
internal static class Connections
{
    public static async Task<(List<StreamClient> Clients, int Failed, string? LastError)> OpenAsync(
        Uri hubUrl, IReadOnlyList<string?> tokens, int count, int batchSize, TimeSpan budget)
    {
        var clients = new List<StreamClient>(count);
        var failed = 0;
        string? lastError = null;
        using var deadline = new CancellationTokenSource(budget);
        for (var offset = 0; offset < count && !deadline.IsCancellationRequested; offset += batchSize)
        {
            var batch = Enumerable.Range(offset, Math.Min(batchSize, count - offset))
                .Select(i => StreamClient.ConnectAsync(hubUrl, tokens[i % tokens.Count], deadline.Token))
                .ToList();
            foreach (var attempt in batch)
            {
                try
                {
                    clients.Add(await attempt);
                }
                catch (Exception exception)
                {
                    failed++;
                    lastError = exception.Message;
                }
            }
        }

        return (clients, failed, lastError);
    }

    public static async Task CloseAsync(IReadOnlyList<StreamClient> clients, int batchSize)
    {
        foreach (var batch in clients.Chunk(batchSize))
        {
            await Task.WhenAll(batch.Select(client => client.DisposeAsync().AsTask())).WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
