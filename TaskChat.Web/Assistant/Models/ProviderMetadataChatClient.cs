using Microsoft.Extensions.AI;

namespace TaskChat.Web.Assistant.Models;

/// <summary>
/// Reports the configured provider ("gemini", "ollama" ...) rather than the adapter's "openai" for
/// every OpenAI-compatible endpoint, so a message's metadata says which service answered.
/// </summary>
internal sealed class ProviderMetadataChatClient(IChatClient inner, ChatClientMetadata metadata) : DelegatingChatClient(inner)
{
    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? metadata : base.GetService(serviceType, serviceKey);
}
