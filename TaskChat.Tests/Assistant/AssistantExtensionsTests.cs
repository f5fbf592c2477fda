using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Assistant.Offline;

namespace TaskChat.Tests.Assistant;

public sealed class AssistantExtensionsTests
{
    [Theory]
    [InlineData("OpenAI", "OPENAI_API_KEY")]
    [InlineData("gemini", "GEMINI_API_KEY")]
    public void AModelProviderWithoutItsKeyStopsStartUpNamingTheKey(string provider, string variable)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(("Assistant:Provider", provider)));

        Assert.Contains("Assistant:ApiKey", error.Message);
        Assert.Contains(variable, error.Message);
    }

    [Fact]
    public void AnUnknownProviderStopsStartUpListingTheChoices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(("Assistant:Provider", "Skynet")));

        Assert.Contains("Assistant:Provider", error.Message);
        Assert.Contains("Offline, OpenAI, AzureOpenAI, Gemini, Ollama", error.Message);
    }

    [Fact]
    public async Task OfflineIsTheDefaultAndReadsItsPace()
    {
        await using var app = Build(("Assistant:Offline:TokenDelayMs", "5"));

        Assert.NotNull(app.Services.GetRequiredService<IChatClient>().GetService<OfflineChatClient>());
        Assert.Equal(5, app.Services.GetRequiredService<IOptions<OfflineAssistantOptions>>().Value.TokenDelayMs);
    }

    [Fact]
    public async Task DefaultPaceIsThirtyMilliseconds()
    {
        await using var app = Build();

        Assert.Equal(30, app.Services.GetRequiredService<IOptions<OfflineAssistantOptions>>().Value.TokenDelayMs);
    }

    [Fact]
    public async Task ANegativePaceIsRejectedWithTheKey()
    {
        await using var app = Build(("Assistant:Offline:TokenDelayMs", "-1"));

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<OfflineAssistantOptions>>().Value);
        Assert.Contains("Assistant:Offline:TokenDelayMs", error.Message);
    }

    private static Microsoft.AspNetCore.Builder.WebApplication Build(params (string Key, string Value)[] settings) =>
        AssistantHost.Build(IsolatedSettings.WithoutDatabase(settings));
}
