
namespace TaskChat.Web.Assistant;

/// <summary>What each model provider assumes when a setting is left out, and how start-up errors describe it.</summary>
internal sealed record ProviderDefaults(
    string Name,
    string? Model,
    string? Endpoint,
    string? KeyVariable,
    bool NeedsKey,
    string ModelHint,
    string KeyHint,
    string EndpointExample)
{
    public static ProviderDefaults For(AssistantProvider provider) => provider switch
    {
        // No endpoint: the OpenAI SDK's own default; OPENAI_BASE_URL or Assistant:Endpoint points it elsewhere.
        AssistantProvider.OpenAI => new("openai", "gpt-4o-mini", null, AssistantOptions.OpenAIKeyVariable, true,
            "a model name such as gpt-4o-mini", "OpenAI API key", "https://<host>/v1"),
        AssistantProvider.AzureOpenAI => new("azure_openai", null, null, null, true,
            "the name of your model deployment", "Azure OpenAI resource's key", "https://<resource>.openai.azure.com"),
        // Gemini's OpenAI-compatible endpoint, the usual OPENAI_BASE_URL for Gemini.
        AssistantProvider.Gemini => new("gemini", "gemini-2.0-flash", "https://generativelanguage.googleapis.com/v1beta/openai/",
            AssistantOptions.GeminiKeyVariable, true, "a model name such as gemini-2.0-flash", "Gemini API key",
            "https://generativelanguage.googleapis.com/v1beta/openai/"),
        AssistantProvider.Ollama => new("ollama", "llama3.2", "http://localhost:11434/v1", null, false,
            "a model you have pulled, such as llama3.2", "key", "http://localhost:11434/v1"),
        _ => new("taskchat-offline", null, null, null, false, "", "", ""),
    };
}
