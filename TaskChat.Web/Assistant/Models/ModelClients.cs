using Microsoft.Extensions.AI;

namespace TaskChat.Web.Assistant.Models;

/// <summary>Builds the SDK-backed <see cref="IChatClient"/> for the configured provider.</summary>
internal static class ModelClients
{
    public static IChatClient Create(IServiceProvider services, AssistantOptions options)
    {
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(ModelHttp.ClientName);
        var client = options.Provider == AssistantProvider.AzureOpenAI
            ? AzureOpenAIClientFactory.Create(options, http)
            : OpenAICompatibleClientFactory.Create(options, http);
        var metadata = new ChatClientMetadata(ProviderDefaults.For(options.Provider).Name, options.Endpoint, options.Model);
        return new ProviderMetadataChatClient(new UnfinishedReplyCheck(client), metadata);
    }
}
