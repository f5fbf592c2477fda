using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using TaskChat.Web.Assistant.Offline;

namespace TaskChat.Web.Assistant;

// Reads:
//   Assistant:Provider              Offline (default) | OpenAI | AzureOpenAI | Gemini | Ollama
//   Assistant:Offline:TokenDelayMs  pause between the offline assistant's words, in ms (default 30; 0 = none)
public static class AssistantExtensions
{
    public const string ProviderKey = "Assistant:Provider";

    /// <summary>
    /// Registers the app's <see cref="IChatClient"/> (the chosen assistant wrapped in the tool-calling
    /// and logging pipeline) and <see cref="TaskToolsFactory"/> for building each turn's tools.
    /// </summary>
    public static WebApplicationBuilder AddAssistant(this WebApplicationBuilder builder)
    {
        var provider = ReadProvider(builder.Configuration);
        if (provider != AssistantProvider.Offline)
        {
            throw new InvalidOperationException(
                $"{ProviderKey} is set to {provider}, which this build does not support yet. " +
                $"Set {ProviderKey} to Offline, or remove it to use the built-in offline assistant.");
        }

        builder.Services.AddOptions<OfflineAssistantOptions>()
            .BindConfiguration(OfflineAssistantOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddChatClient(services =>
                new OfflineChatClient(services.GetRequiredService<IOptions<OfflineAssistantOptions>>().Value))
            // The tools of one turn share a scoped DbContext, which allows one operation at a time.
            .UseFunctionInvocation(configure: functions => functions.AllowConcurrentInvocation = false)
            .UseLogging();

        builder.Services.AddScoped<TaskToolsFactory>();
        return builder;
    }

    internal static AssistantProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return AssistantProvider.Offline;
        }

        return Enum.TryParse<AssistantProvider>(value.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException(
                $"{ProviderKey} is set to \"{value}\", which is not a provider TaskChat knows. " +
                $"Use one of: {string.Join(", ", Enum.GetNames<AssistantProvider>())}.");
    }
}

public enum AssistantProvider { Offline, OpenAI, AzureOpenAI, Gemini, Ollama }
