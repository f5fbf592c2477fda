
namespace TaskChat.Web.Assistant.Models;

/// <summary>
/// A response body whose first read must finish before <c>firstBytes</c> is cancelled and whose
/// later reads each get <c>idleTimeout</c>. A read that times out is cancelled, which makes
/// SocketsHttpHandler drop the connection: the server sees the request aborted.
/// </summary>
internal sealed class TimedResponseStream(
    Stream inner,
    CancellationTokenSource firstBytes,
    TimeSpan idleTimeout,
    Func<Exception?, TimeoutException> firstBytesTimedOut,
    Func<Exception?, TimeoutException> stalled) : Stream
{
    private bool started;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var idle = started ? new CancellationTokenSource(idleTimeout) : null;
        var timer = idle ?? firstBytes;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        int read;
        try
        {
            read = await inner.ReadAsync(buffer, linked.Token);
        }
        catch (Exception exception) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw started ? stalled(exception) : firstBytesTimedOut(exception);
        }

        if (!started && read > 0)
        {
            started = true;
            firstBytes.Dispose();
        }

        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // The SDK reads streamed replies asynchronously; a synchronous reader still gets the timeouts.
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            firstBytes.Dispose();
        }

        base.Dispose(disposing);
    }
}
