using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.SignalR;
using TaskChat.Web.Chat.Contracts;

namespace TaskChat.Web.Chat.Endpoints;

/// <summary>
/// Detailed hub errors are on so that protocol errors (a message over 64 KB) reach the client
/// in words. In exchange, nothing unexpected may leak through: streams end with an
/// <c>error</c> event and plain invocations with a <see cref="HubException"/>, both generic,
/// while the details go to the log.
/// </summary>
internal sealed class HubErrors(ILogger<HubErrors> logger) : IHubFilter
{
    public const string InternalError = "internal_error";
    private const string Sorry = "Something went wrong on the server. Try again.";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            var result = await next(context);
            return result is IAsyncEnumerable<ChatEvent> stream ? new GuardedStream(this, stream, context.Context) : result;
        }
        catch (Exception exception) when (exception is not HubException and not OperationCanceledException)
        {
            logger.LogError(exception, "Hub method {Method} failed", context.HubMethodName);
            throw new HubException($"{InternalError}: {Sorry}");
        }
    }

    /// <summary>
    /// The stream as SignalR enumerates it: <paramref name="streamToken"/> is SignalR's own token
    /// for this invocation, which <see cref="StreamCancellation"/> needs to find its source.
    /// </summary>
    private async IAsyncEnumerable<ChatEvent> Guard(IAsyncEnumerable<ChatEvent> events, HubCallerContext caller, [EnumeratorCancellation] CancellationToken streamToken)
    {
        var clientCancel = StreamCancellation.TakeOver(caller, streamToken);
        using var cancellation = clientCancel is null ? null : CancellationTokenSource.CreateLinkedTokenSource(streamToken, clientCancel.Token);
        await using var enumerator = events.GetAsyncEnumerator(cancellation?.Token ?? streamToken);
        while (true)
        {
            ChatEvent? next;
            try
            {
                next = await enumerator.MoveNextAsync() ? enumerator.Current : null;
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "A chat stream failed");
                next = new ErrorEvent(Guid.Empty, 0, InternalError, Sorry);
            }

            if (next is null)
            {
                yield break;
            }

            yield return next;
            if (next is ErrorEvent { Code: InternalError })
            {
                yield break;
            }
        }
    }

    /// <summary>Hands the token SignalR enumerates with to <see cref="Guard"/> as it is, not combined with another.</summary>
    private sealed class GuardedStream(HubErrors errors, IAsyncEnumerable<ChatEvent> events, HubCallerContext caller) : IAsyncEnumerable<ChatEvent>
    {
        public IAsyncEnumerator<ChatEvent> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
            errors.Guard(events, caller, cancellationToken).GetAsyncEnumerator(CancellationToken.None);
    }
}
