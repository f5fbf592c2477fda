namespace TaskChat.Bench.Servers;

/// <summary>How often the batcher hub sends what the model gave since its last send.</summary>
internal sealed record BatchInterval(TimeSpan Value);
