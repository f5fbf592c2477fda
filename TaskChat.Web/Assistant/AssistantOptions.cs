
namespace TaskChat.Web.Assistant;

/// <summary>
/// The <c>Assistant</c> section, resolved once at start-up: the provider, where it lives, and how
/// patient and persistent TaskChat is with it. The usual environment variables (<c>GEMINI_API_KEY</c>,
/// <c>OPENAI_BASE_URL</c>, <c>OPENAI_API_KEY</c>) fill in what the section leaves out, so a
/// <c>.env</c> written for OpenAI or Gemini works as it is. <see cref="Read"/> throws with sentences that name the key
/// to set, which stops start-up.
/// </summary>
public sealed class AssistantOptions
{
    public const string Section = "Assistant";
    public const string GeminiKeyVariable = "GEMINI_API_KEY";
    public const string OpenAIKeyVariable = "OPENAI_API_KEY";
    public const string BaseUrlVariable = "OPENAI_BASE_URL";

    public AssistantProvider Provider { get; set; }

    /// <summary>The model (for Azure OpenAI: the deployment name).</summary>
    public string Model { get; set; } = "";

    /// <summary>Base URL of the API; null for OpenAI means the SDK's own default.</summary>
    public Uri? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Connect, response headers and the first streamed bytes must arrive within this, per attempt.</summary>
    public int FirstTokenTimeoutSeconds { get; set; } = 30;

    /// <summary>Once streaming, the longest silence between two chunks before the reply is given up.</summary>
    public int StreamIdleTimeoutSeconds { get; set; } = 60;

    /// <summary>Retries on 429, 5xx and connection failures, only before a response body is read.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay; later ones back off exponentially (with jitter).</summary>
    public int RetryDelayMs { get; set; } = 1000;

    /// <summary>A longer Retry-After than this is cut to this: a person is waiting.</summary>
    public int MaxRetryDelaySeconds { get; set; } = 10;

    /// <summary>How much earlier conversation (in characters, about 4 per token) the model is sent.</summary>
    public int HistoryBudgetChars { get; set; } = 24_000;

    public TimeSpan FirstTokenTimeout => TimeSpan.FromSeconds(FirstTokenTimeoutSeconds);
    public TimeSpan StreamIdleTimeout => TimeSpan.FromSeconds(StreamIdleTimeoutSeconds);

    public static AssistantOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var problems = new List<string>();
        var options = new AssistantOptions
        {
            Provider = ReadProvider(configuration, problems),
            FirstTokenTimeoutSeconds = ReadInt(section, nameof(FirstTokenTimeoutSeconds), 30, 1, 600, problems),
            StreamIdleTimeoutSeconds = ReadInt(section, nameof(StreamIdleTimeoutSeconds), 60, 1, 3600, problems),
            MaxRetries = ReadInt(section, nameof(MaxRetries), 2, 0, 10, problems),
            RetryDelayMs = ReadInt(section, nameof(RetryDelayMs), 1000, 0, 60_000, problems),
            MaxRetryDelaySeconds = ReadInt(section, nameof(MaxRetryDelaySeconds), 10, 0, 300, problems),
            HistoryBudgetChars = ReadInt(section, nameof(HistoryBudgetChars), 24_000, 1000, 2_000_000, problems),
        };

        if (problems.Count == 0 && options.Provider != AssistantProvider.Offline)
        {
            ResolveModelSettings(options, configuration, problems);
        }

        return problems.Count == 0
            ? options
            : throw new InvalidOperationException(string.Join(" ", problems) + " See the README.");
    }

    /// <summary>
    /// An explicit <c>Assistant:Provider</c> wins. Without one, those variables choose:
    /// <c>GEMINI_API_KEY</c> selects Gemini and <c>OPENAI_API_KEY</c> OpenAI; both at once is ambiguous.
    /// </summary>
    private static AssistantProvider ReadProvider(IConfiguration configuration, List<string> problems)
    {
        var value = configuration[$"{Section}:{nameof(Provider)}"];
        if (!string.IsNullOrWhiteSpace(value))
        {
            if (Enum.TryParse<AssistantProvider>(value.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
                && !int.TryParse(value, out _))
            {
                return provider;
            }

            problems.Add($"Assistant:Provider is set to \"{value}\", which is not a provider TaskChat knows. " +
                $"Use one of: {string.Join(", ", Enum.GetNames<AssistantProvider>())}.");
            return AssistantProvider.Offline;
        }

        var gemini = Has(configuration, GeminiKeyVariable);
        var openAI = Has(configuration, OpenAIKeyVariable);
        if (gemini && openAI)
        {
            problems.Add($"Both {GeminiKeyVariable} and {OpenAIKeyVariable} are set, so the provider is ambiguous. " +
                "Set Assistant:Provider to Gemini or OpenAI, or remove one of them.");
            return AssistantProvider.Offline;
        }

        if (!gemini && !openAI && Has(configuration, BaseUrlVariable))
        {
            problems.Add($"{BaseUrlVariable} is set but no API key is. Set {GeminiKeyVariable} (Gemini) or {OpenAIKeyVariable}, " +
                "or set Assistant:Provider to Ollama for a server without a key.");
            return AssistantProvider.Offline;
        }

        return gemini ? AssistantProvider.Gemini : openAI ? AssistantProvider.OpenAI : AssistantProvider.Offline;
    }

    private static void ResolveModelSettings(AssistantOptions options, IConfiguration configuration, List<string> problems)
    {
        var provider = options.Provider;
        var defaults = ProviderDefaults.For(provider);
        options.Model = configuration[$"{Section}:{nameof(Model)}"]?.Trim() is { Length: > 0 } model ? model : defaults.Model ?? "";
        options.ApiKey = First(configuration, $"{Section}:{nameof(ApiKey)}", defaults.KeyVariable);

        var endpointKey = configuration[$"{Section}:{nameof(Endpoint)}"] is { Length: > 0 } ? $"{Section}:{nameof(Endpoint)}" : BaseUrlVariable;
        var endpoint = provider == AssistantProvider.AzureOpenAI
            ? First(configuration, $"{Section}:{nameof(Endpoint)}")
            : First(configuration, $"{Section}:{nameof(Endpoint)}", BaseUrlVariable) ?? defaults.Endpoint;

        if (endpoint is null)
        {
            if (provider == AssistantProvider.AzureOpenAI)
            {
                problems.Add("Assistant:Provider is AzureOpenAI but Assistant:Endpoint is not set. " +
                    "Set Assistant:Endpoint to https://<resource>.openai.azure.com.");
            }
        }
        else if (Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            options.Endpoint = uri;
        }
        else
        {
            problems.Add($"{endpointKey} is \"{endpoint}\", which is not an http or https URL. Set it to the API's base URL, " +
                $"e.g. {defaults.EndpointExample}.");
        }

        if (options.Model.Length == 0)
        {
            problems.Add($"Assistant:Provider is {provider} but Assistant:Model is not set. Set Assistant:Model to {defaults.ModelHint}.");
        }

        if (options.ApiKey is null && defaults.NeedsKey)
        {
            var where = defaults.KeyVariable is { } variable ? $"Assistant:ApiKey (or {variable})" : "Assistant:ApiKey";
            problems.Add($"Assistant:Provider is {provider} but no API key is set. Set {where} to your {defaults.KeyHint}.");
        }
    }

    private static int ReadInt(IConfigurationSection section, string name, int fallback, int min, int max, List<string> problems)
    {
        var value = section[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (int.TryParse(value, out var parsed) && parsed >= min && parsed <= max)
        {
            return parsed;
        }

        problems.Add($"{Section}:{name} is \"{value}\"; it must be a whole number from {min} to {max}.");
        return fallback;
    }

    private static bool Has(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);

    private static string? First(IConfiguration configuration, params string?[] keys) =>
        keys.OfType<string>().Select(key => configuration[key]?.Trim()).FirstOrDefault(value => !string.IsNullOrEmpty(value));
}

public enum AssistantProvider { Offline, OpenAI, AzureOpenAI, Gemini, Ollama }
