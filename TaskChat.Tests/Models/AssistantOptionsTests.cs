using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Tests.Assistant;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Assistant;

namespace TaskChat.Tests.Models;

/// <summary>
/// How settings choose and configure a provider, and the sentences that stop start-up when they
/// are missing or contradict each other. Each sentence names the key to set.
/// </summary>
public sealed class AssistantOptionsTests
{
    [Theory]
    [InlineData("Assistant:Provider is AzureOpenAI but Assistant:Endpoint is not set. Set Assistant:Endpoint to https://<resource>.openai.azure.com.",
        "Assistant:Provider=AzureOpenAI", "Assistant:ApiKey=k", "Assistant:Model=deployment")]
    [InlineData("Assistant:Provider is AzureOpenAI but Assistant:Model is not set. Set Assistant:Model to the name of your model deployment.",
        "Assistant:Provider=AzureOpenAI", "Assistant:ApiKey=k", "Assistant:Endpoint=https://example.openai.azure.com")]
    [InlineData("Assistant:Provider is AzureOpenAI but no API key is set. Set Assistant:ApiKey to your Azure OpenAI resource's key.",
        "Assistant:Provider=AzureOpenAI", "Assistant:Model=d", "Assistant:Endpoint=https://example.openai.azure.com")]
    [InlineData("Assistant:Provider is OpenAI but no API key is set. Set Assistant:ApiKey (or OPENAI_API_KEY) to your OpenAI API key.",
        "Assistant:Provider=OpenAI")]
    [InlineData("Assistant:Provider is Gemini but no API key is set. Set Assistant:ApiKey (or GEMINI_API_KEY) to your Gemini API key.",
        "Assistant:Provider=Gemini")]
    [InlineData("Assistant:Provider is set to \"Skynet\", which is not a provider TaskChat knows. Use one of: Offline, OpenAI, AzureOpenAI, Gemini, Ollama.",
        "Assistant:Provider=Skynet")]
    [InlineData("Both GEMINI_API_KEY and OPENAI_API_KEY are set, so the provider is ambiguous. Set Assistant:Provider to Gemini or OpenAI, or remove one of them.",
        "GEMINI_API_KEY=g", "OPENAI_API_KEY=o")]
    [InlineData("OPENAI_BASE_URL is set but no API key is. Set GEMINI_API_KEY (Gemini) or OPENAI_API_KEY, or set Assistant:Provider to Ollama for a server without a key.",
        "OPENAI_BASE_URL=http://127.0.0.1:9/v1")]
    [InlineData("Assistant:Endpoint is \"localhost:11434\", which is not an http or https URL. Set it to the API's base URL, e.g. http://localhost:11434/v1.",
        "Assistant:Provider=Ollama", "Assistant:Endpoint=localhost:11434")]
    [InlineData("Assistant:FirstTokenTimeoutSeconds is \"0\"; it must be a whole number from 1 to 600.",
        "Assistant:Provider=Ollama", "Assistant:FirstTokenTimeoutSeconds=0")]
    [InlineData("Assistant:HistoryBudgetChars is \"lots\"; it must be a whole number from 1000 to 2000000.",
        "Assistant:HistoryBudgetChars=lots")]
    public void AMissingOrContradictorySettingIsRefusedWithASentenceNamingTheKey(string expected, params string[] settings)
    {
        var error = Assert.Throws<InvalidOperationException>(() => AssistantOptions.Read(Configuration(settings)));

        Assert.Equal(expected + " See the README.", error.Message);
    }

    [Fact]
    public void NothingConfiguredIsTheOfflineAssistant() =>
        Assert.Equal(AssistantProvider.Offline, AssistantOptions.Read(Configuration()).Provider);

    [Fact]
    public void AnExplicitProviderWinsOverTheSeedVariables() =>
        Assert.Equal(AssistantProvider.Offline, AssistantOptions.Read(Configuration("Assistant:Provider=offline", "GEMINI_API_KEY=g")).Provider);

    [Fact]
    public void GeminiKeyAndBaseUrlSelectGeminiWithItsDefaultModel()
    {
        var options = AssistantOptions.Read(Configuration("GEMINI_API_KEY=g-key", "OPENAI_BASE_URL=https://gemini.example/v1beta/openai/"));

        Assert.Equal((AssistantProvider.Gemini, "gemini-2.0-flash", "g-key"), (options.Provider, options.Model, options.ApiKey));
        Assert.Equal(new Uri("https://gemini.example/v1beta/openai/"), options.Endpoint);
    }

    [Fact]
    public void GeminiKeyAloneUsesGeminisOpenAIEndpoint()
    {
        var options = AssistantOptions.Read(Configuration("GEMINI_API_KEY=g-key"));

        Assert.Equal(AssistantProvider.Gemini, options.Provider);
        Assert.Equal(new Uri("https://generativelanguage.googleapis.com/v1beta/openai/"), options.Endpoint);
    }

    [Fact]
    public void AssistantModelOverridesTheDefaultModelAndAssistantSettingsWinOverTheSeedVariables()
    {
        var options = AssistantOptions.Read(Configuration(
            "GEMINI_API_KEY=g-key", "OPENAI_BASE_URL=https://ignored.example/", "Assistant:Model=gemini-2.5-pro",
            "Assistant:ApiKey=explicit", "Assistant:Endpoint=https://gemini.example/v1beta/openai/"));

        Assert.Equal(("gemini-2.5-pro", "explicit"), (options.Model, options.ApiKey));
        Assert.Equal(new Uri("https://gemini.example/v1beta/openai/"), options.Endpoint);
    }

    [Fact]
    public void OpenAIKeyAloneUsesTheSdkDefaultEndpoint()
    {
        var options = AssistantOptions.Read(Configuration("OPENAI_API_KEY=sk"));

        Assert.Equal((AssistantProvider.OpenAI, "gpt-4o-mini", (Uri?)null), (options.Provider, options.Model, options.Endpoint));
    }

    [Fact]
    public void OllamaNeedsNothingElse()
    {
        var options = AssistantOptions.Read(Configuration("Assistant:Provider=Ollama"));

        Assert.Equal(("llama3.2", new Uri("http://localhost:11434/v1"), (string?)null), (options.Model, options.Endpoint, options.ApiKey));
        Assert.Equal((30, 2), (options.FirstTokenTimeoutSeconds, options.MaxRetries));
    }

    [Fact]
    public async Task AConfiguredProviderRegistersTheSdkClientInTheToolCallingPipeline()
    {
        await using var app = AssistantHost.Build(HostSettings(("Assistant:Provider", "Ollama")));

        var client = app.Services.GetRequiredService<IChatClient>();
        Assert.NotNull(client.GetService<FunctionInvokingChatClient>());
        var metadata = client.GetService<ChatClientMetadata>()!;
        Assert.Equal(("ollama", "llama3.2"), (metadata.ProviderName, metadata.DefaultModelId));
        Assert.Equal(new Uri("http://localhost:11434/v1"), metadata.ProviderUri);
    }

    [Fact]
    public void TheHostBuilderStopsOnABadSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AssistantHost.Build(HostSettings(("Assistant:Provider", "AzureOpenAI"))));

        Assert.StartsWith("Assistant:Provider is AzureOpenAI but Assistant:Endpoint is not set.", error.Message);
    }

    /// <summary>The process as a person starts it: the sentence is in its output and it exits.</summary>
    [Fact]
    public async Task AnAppProcessWithAnIncompleteProviderExitsWithTheSentence()
    {
        await using var database = TestDatabase.CreateSqlite();
        var environment = new Dictionary<string, string?>(database.EnvironmentVariables)
        {
            ["Assistant__Provider"] = "AzureOpenAI",
            ["Assistant__ApiKey"] = "k",
            ["Assistant__Model"] = "d",
        };

        await using var app = AppProcess.Launch(environment);
        var exitCode = await app.WaitForExitAsync(TestSettings.StartupTimeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Assistant:Provider is AzureOpenAI but Assistant:Endpoint is not set. Set Assistant:Endpoint to " +
            "https://<resource>.openai.azure.com. See the README.", app.Output);
        Assert.DoesNotContain("Now listening on", app.Output);
    }

    /// <summary>The given settings and nothing from the machine's environment.</summary>
    private static IConfiguration Configuration(params string[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => s.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], (string?)p[1]))).Build();

    private static Dictionary<string, string?> HostSettings(params (string Key, string Value)[] settings) =>
        IsolatedSettings.WithoutDatabase(settings);
}
