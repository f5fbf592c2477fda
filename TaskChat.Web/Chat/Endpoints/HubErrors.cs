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
            return result is IAsyncEnumerable<ChatEvent> stream ? Guard(stream, context.Context.ConnectionAborted) : result;
        }
        catch (Exception exception) when (exception is not HubException and not OperationCanceledException)
        {
            logger.LogError(exception, "Hub method {Method} failed", context.HubMethodName);
            throw new HubException($"{InternalError}: {Sorry}");
        }
    }

    private async IAsyncEnumerable<ChatEvent> Guard(IAsyncEnumerable<ChatEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var enumerator = events.GetAsyncEnumerator(cancellationToken);
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
}
