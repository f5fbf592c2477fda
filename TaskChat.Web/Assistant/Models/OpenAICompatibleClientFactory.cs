using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;

namespace TaskChat.Web.Assistant.Models;

/// <summary>OpenAI, Gemini's OpenAI endpoint and Ollama: the OpenAI SDK with a custom endpoint.</summary>
internal static class OpenAICompatibleClientFactory
{
    // The SDK insists on a credential; Ollama ignores the Authorization header it becomes.
    private const string KeylessPlaceholder = "no-key";

    public static IChatClient Create(AssistantOptions options, HttpClient http)
    {
        var clientOptions = SdkPipeline.Use(new OpenAIClientOptions(), http);
        if (options.Endpoint is { } endpoint)
        {
            clientOptions.Endpoint = endpoint;
        }

        var client = new OpenAIClient(new ApiKeyCredential(options.ApiKey ?? KeylessPlaceholder), clientOptions);
        return client.GetChatClient(options.Model).AsIChatClient();
    }
}
