using System.ClientModel;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;

namespace TaskChat.Web.Assistant.Models;

/// <summary>
/// Azure OpenAI: <c>{endpoint}/openai/deployments/{Assistant:Model}/chat/completions?api-version=...</c>
/// with the key in the <c>api-key</c> header.
/// </summary>
internal static class AzureOpenAIClientFactory
{
    public static IChatClient Create(AssistantOptions options, HttpClient http)
    {
        var clientOptions = SdkPipeline.Use(new AzureOpenAIClientOptions(), http);
        var client = new AzureOpenAIClient(options.Endpoint!, new ApiKeyCredential(options.ApiKey!), clientOptions);
        return client.GetChatClient(options.Model).AsIChatClient();
    }
}
