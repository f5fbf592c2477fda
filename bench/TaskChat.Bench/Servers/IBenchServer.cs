namespace TaskChat.Bench.Servers;

/// <summary>A server the driver measures, running in a child process of the bench.</summary>
internal interface IBenchServer : IAsyncDisposable
{
    /// <summary>The hub's absolute URL on 127.0.0.1.</summary>
    Uri HubUrl { get; }

    /// <summary>Makes <paramref name="count"/> accounts and returns one access token per line in a file; null when the hub needs none.</summary>
    Task<string?> SeedUsersAsync(int count);
}
