using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using TaskChat.Web.Assistant.Models;
using TaskChat.Web.Assistant.Offline;

namespace TaskChat.Web.Assistant;

// Reads (see AssistantOptions and the README's model-provider section):
//   Assistant:Provider              Offline (default) | OpenAI | AzureOpenAI | Gemini | Ollama
//   Assistant:Model, Assistant:Endpoint, Assistant:ApiKey
//   GEMINI_API_KEY, OPENAI_BASE_URL, OPENAI_API_KEY   the usual OpenAI-style variables, when Assistant:* leaves a gap
//   Assistant:FirstTokenTimeoutSeconds (30), StreamIdleTimeoutSeconds (60), MaxRetries (2), RetryDelayMs (1000),
//   Assistant:MaxRetryDelaySeconds (10), HistoryBudgetChars (24000)
//   Assistant:Offline:TokenDelayMs  pause between the offline assistant's words, in ms (default 30; 0 = none)
public static class AssistantExtensions
{
    public const string ProviderKey = "Assistant:Provider";

    /// <summary>
    /// Registers the app's <see cref="IChatClient"/> (the chosen assistant wrapped in the tool-calling
    /// and logging pipeline) and <see cref="TaskToolsFactory"/> for building each turn's tools.
    /// A missing or contradictory setting throws here, which stops start-up.
    /// </summary>
    public static WebApplicationBuilder AddAssistant(this WebApplicationBuilder builder)
    {
        var options = AssistantOptions.Read(builder.Configuration);
        builder.Services.AddSingleton(Options.Create(options));

        ChatClientBuilder chat;
        if (options.Provider == AssistantProvider.Offline)
        {
            builder.Services.AddOptions<OfflineAssistantOptions>()
                .BindConfiguration(OfflineAssistantOptions.Section)
                .ValidateDataAnnotations()
                .ValidateOnStart();
            builder.Services.AddSingleton<OfflineToday>();
            chat = builder.Services.AddChatClient(services => new OfflineChatClient(
                services.GetRequiredService<IOptions<OfflineAssistantOptions>>().Value, services.GetRequiredService<OfflineToday>()));
        }
        else
        {
            ModelHttp.Add(builder.Services, options);
            chat = builder.Services.AddChatClient(services => ModelClients.Create(services, options));
        }

        // The same pipeline whichever assistant answers, so the hub and persistence never know.
        // Outermost first: tool calls are carried out around each (logged, budgeted) model request.
        chat.UseFunctionInvocation(configure: functions =>
            {
                // The tools of one turn share a scoped DbContext, which allows one operation at a time.
                functions.AllowConcurrentInvocation = false;
                // A model that keeps calling tools is stopped rather than looping on the user's quota.
                functions.MaximumIterationsPerRequest = 8;
            })
            .UseLogging()
            .Use(inner => new ContextBudgetChatClient(inner, options.HistoryBudgetChars));

        builder.Services.AddScoped<TaskToolsFactory>();
        return builder;
    }
}
