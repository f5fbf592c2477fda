using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;

namespace TaskChat.Web.Chat.Endpoints;

/// <summary>
/// Works around a race in SignalR's server (Microsoft.AspNetCore.SignalR.Core 10.0, at least
/// through 10.0.12; <c>DefaultHubDispatcher.StreamAsync</c>): when a server stream ends, its
/// <see cref="CancellationTokenSource"/> is disposed first and only then removed from the
/// connection's table of cancellable invocations. A client's <c>CancelInvocation</c> handled in
/// between (a client that cancels the stream the moment <c>message_completed</c> arrives) finds the
/// source in the table and calls <c>Cancel()</c> on it: the <see cref="ObjectDisposedException"/>
/// escapes the dispatcher and SignalR closes the whole connection. So, as each stream starts, the
/// source in that table is swapped for one TaskChat owns and never disposes; the stream listens to
/// both. A cancel then always meets a live source, whenever it comes. If a later SignalR moves the
/// members this reaches (checked by a test), streams run unchanged, without the workaround.
/// </summary>
internal static class StreamCancellation
{
    private const BindingFlags Internal = BindingFlags.NonPublic | BindingFlags.Instance;

    private static readonly FieldInfo? ConnectionField = typeof(HubConnectionContext).Assembly
        .GetType("Microsoft.AspNetCore.SignalR.Internal.DefaultHubCallerContext")?.GetField("_connection", Internal);

    private static readonly PropertyInfo? SourcesProperty = typeof(HubConnectionContext).GetProperty("ActiveRequestCancellationSources", Internal);

    public static bool IsAvailable =>
        ConnectionField?.FieldType == typeof(HubConnectionContext)
        && SourcesProperty?.PropertyType == typeof(ConcurrentDictionary<string, CancellationTokenSource>);

    /// <summary>
    /// Puts a source of TaskChat's in place of SignalR's for the stream whose token is
    /// <paramref name="streamToken"/>; the client's cancel will cancel it. Null when it cannot.
    /// </summary>
    public static CancellationTokenSource? TakeOver(HubCallerContext context, CancellationToken streamToken)
    {
        if (!IsAvailable
            || ConnectionField!.GetValue(context) is not HubConnectionContext connection
            || SourcesProperty!.GetValue(connection) is not ConcurrentDictionary<string, CancellationTokenSource> sources)
        {
            return null;
        }

        foreach (var (invocationId, source) in sources)
        {
            if (source.Token != streamToken)
            {
                continue;
            }

            // Never disposed: SignalR may call Cancel on it at any moment until it drops it from
            // the table, and a source without a timer or links holds nothing that needs releasing.
            var own = new CancellationTokenSource();
            return sources.TryUpdate(invocationId, own, source) ? own : null;
        }

        return null;
    }
}
