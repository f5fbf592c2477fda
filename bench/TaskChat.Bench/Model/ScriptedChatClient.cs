using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace TaskChat.Bench.Model;

/// <summary>
/// A model that ignores its prompt and streams <see cref="ModelScript"/>'s stamped tokens, one
/// update per token, as a model provider's client would. It plugs in where TaskChat's own
/// assistant goes, under the same function-invocation and logging pipeline.
/// </summary>
public sealed class ScriptedChatClient(ModelScript script) : IChatClient
{
    private static readonly ChatClientMetadata Metadata = new("taskchat-bench", defaultModelId: "scripted");

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var token in script.TokensAsync(cancellationToken))
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, token);
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
