using StackExchange.Redis;

namespace TaskChat.Web.ScaleOut;

/// <summary>
/// Whether this node can use Redis right now, and the moments it stops and starts being able
/// to. A dropped connection is seen at once (the multiplexer's ConnectionFailed); a Redis that
/// stops answering without closing the socket is seen by a ping every <see cref="ProbeEvery"/>
/// that must answer within <see cref="ProbeTimeout"/> (two missed in a row: within about 4 s).
/// Redis counts as back only when a ping answers and the subscription connection is up again,
/// twice in a row, so that the channels are subscribed again before anyone relies on them.
/// </summary>
internal sealed class RedisAvailability(IConnectionMultiplexer redis, TimeProvider time, ILogger<RedisAvailability> logger) : BackgroundService
{
    public static readonly TimeSpan ProbeEvery = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1.5);

    private readonly Lock gate = new();
    private volatile bool available = true;
    private DateTimeOffset availableSince = time.GetUtcNow();
    private int goodProbes;
    private int failedProbes;
    private Task raising = Task.CompletedTask;

    /// <summary>Raised once per outage, on a thread of its own; handlers must not block.</summary>
    public event Action? Lost;

    /// <summary>Raised once when Redis is usable again after an outage.</summary>
    public event Action? Restored;

    public bool IsAvailable => available;

    /// <summary>How long Redis has been usable without a break (zero while it is not).</summary>
    public TimeSpan AvailableFor
    {
        get
        {
            lock (gate)
            {
                return available ? time.GetUtcNow() - availableSince : TimeSpan.Zero;
            }
        }
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionFailed += OnConnectionFailed;
        return base.StartAsync(cancellationToken);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionFailed -= OnConnectionFailed;
        return base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ProbeEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var answered = await ProbeAsync();
                if (answered)
                {
                    failedProbes = 0;
                }

                // Two in a row: one slow ping on a saturated machine must not end every stream.
                if (!answered && ++failedProbes >= 2)
                {
                    MarkLost("Redis did not answer two pings in a row");
                }
                else if (!available && Interlocked.Increment(ref goodProbes) >= 2)
                {
                    MarkRestored();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> ProbeAsync()
    {
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(ProbeTimeout);
            return redis.GetSubscriber().IsConnected(RedisKeys.Stop);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return false;
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e) =>
        MarkLost($"The {e.ConnectionType} connection to Redis failed ({e.FailureType})");

    private void MarkLost(string reason)
    {
        lock (gate)
        {
            Interlocked.Exchange(ref goodProbes, 0);
            if (!available)
            {
                return;
            }

            available = false;
            logger.LogWarning("{Reason}: live streams on this node end with stream_interrupted until it is back", reason);
            Raise(Lost);
        }
    }

    private void MarkRestored()
    {
        lock (gate)
        {
            if (available)
            {
                return;
            }

            available = true;
            availableSince = time.GetUtcNow();
            logger.LogWarning("Redis is back: turns running on this node are written to it again");
            Raise(Restored);
        }
    }

    /// <summary>Called under the gate.</summary>
    private void Raise(Action? handlers)
    {
        // Off the multiplexer's thread (a handler that waits for Redis must not block its
        // events), and in order: a short outage's Restored must not overtake its Lost.
        raising = raising.ContinueWith(_ =>
        {
            try
            {
                handlers?.Invoke();
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "A Redis availability handler failed");
            }
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }
}
