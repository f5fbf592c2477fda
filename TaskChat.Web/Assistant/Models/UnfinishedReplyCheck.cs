using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace TaskChat.Web.Assistant.Models;

/// <summary>
/// A streamed reply ends with a finish reason (stop, tool_calls, length ...). A stream that simply
/// stops without one was cut short somewhere (a proxy, a crashed server that still closed the body
/// cleanly); the SDK would end the enumeration as if all were well, and a truncated reply would be
/// stored as complete. This turns that into the same failure as a broken connection.
/// </summary>
internal sealed class UnfinishedReplyCheck(IChatClient inner) : DelegatingChatClient(inner)
{
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var finished = false;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            finished |= update.FinishReason is not null;
            yield return update;
        }

        if (!finished)
        {
            throw new IOException("The model's streamed reply ended without a finish reason: it was cut short.");
        }
    }
}
