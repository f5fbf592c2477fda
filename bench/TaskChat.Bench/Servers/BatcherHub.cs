using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using TaskChat.Bench.Model;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Bench.Servers;

/// <summary>
/// A bare hub that does what some chat servers do to save sends under load: it gathers the
/// model's tokens and sends them together at a fixed interval, whatever the load. Its
/// throughput is the bar for TaskChat when saturated; its latency is the price it pays.
/// </summary>
internal sealed class BatcherHub(ModelScript script, BatchInterval interval) : Hub
{
    public async IAsyncEnumerable<ChatEvent> SendMessage(SendMessageRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var conversationId = request.ConversationId ?? Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var content = new StringBuilder();
        var pending = new StringBuilder();
        var producer = Task.Run(async () =>
        {
            await foreach (var token in script.TokensAsync(cancellationToken))
            {
                lock (pending)
                {
                    pending.Append(token);
                }
            }
        }, cancellationToken);

        long next = 1;
        using var timer = new PeriodicTimer(interval.Value);
        while (!producer.IsCompleted && await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (Take(pending) is { } batch)
            {
                content.Append(batch);
                yield return new TokenEvent(conversationId, next++, messageId, batch);
            }
        }

        await producer;
        if (Take(pending) is { } rest)
        {
            content.Append(rest);
            yield return new TokenEvent(conversationId, next++, messageId, rest);
        }

        yield return new MessageCompletedEvent(conversationId, next, messageId, content.ToString(), MessageStatus.Completed);
    }

    private static string? Take(StringBuilder pending)
    {
        lock (pending)
        {
            if (pending.Length == 0)
            {
                return null;
            }

            var text = pending.ToString();
            pending.Clear();
            return text;
        }
    }
}
