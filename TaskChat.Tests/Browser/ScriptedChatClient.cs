using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace TaskChat.Tests.Browser;

/// <summary>
/// A model whose every reply is the text the test chose, streamed in small pieces like a real
/// one. Put in place of the app's <see cref="IChatClient"/> through
/// <c>TaskChatApplication.StartAsync(configureServices: ...)</c>, it lets a test make the
/// "model" say anything, hostile markup included.
/// </summary>
/// <param name="failures">How many replies fail (the model throws) before it starts answering.</param>
internal sealed class ScriptedChatClient(string reply, int chunkLength = 12, int delayMs = 5, int failures = 0) : IChatClient
{
    private int failuresLeft = failures;

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            await Task.Delay(delayMs, cancellationToken);
            throw new HttpRequestException("The scripted model is unavailable.");
        }

        // Cut at fixed lengths, not words, so markup arrives split across tokens as it can from a model.
        for (var start = 0; start < reply.Length; start += chunkLength)
        {
            await Task.Delay(delayMs, cancellationToken);
            yield return new ChatResponseUpdate(ChatRole.Assistant, reply.Substring(start, Math.Min(chunkLength, reply.Length - start)));
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
