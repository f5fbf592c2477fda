using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Models;

/// <summary>
/// One test's world: the scripted model server, the whole app configured (through settings only)
/// to use it, a signed-in user, that user's HTTP client and a real SignalR connection.
/// </summary>
public sealed class ModelHarness : IAsyncDisposable
{
    public const string ApiKey = "sk-scripted-test-key";
    public const string ConfiguredModel = "gpt-scripted";

    private ModelHarness(ScriptedModelServer model, TaskChatApplication app, TestUser user, HttpClient http, ChatConnection chat)
    {
        Model = model;
        App = app;
        User = user;
        Http = http;
        Chat = chat;
    }

    public ScriptedModelServer Model { get; }
    public TaskChatApplication App { get; }
    public TestUser User { get; }
    public HttpClient Http { get; }
    public ChatConnection Chat { get; }

    /// <summary>The OpenAI provider pointed at the scripted server, with short retry delays.</summary>
    public static Task<ModelHarness> StartOpenAIAsync(params (string Key, string? Value)[] extra) =>
        StartAsync(model => Settings(model, extra));

    public static async Task<ModelHarness> StartAsync(Func<ScriptedModelServer, IReadOnlyDictionary<string, string?>> settings)
    {
        var model = await ScriptedModelServer.StartAsync();
        TaskChatApplication? app = null;
        try
        {
            app = await TaskChatApplication.StartAsync(settings(model));
            var user = await app.CreateUserAsync();
            var http = app.CreateClient(user);
            var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);
            return new ModelHarness(model, app, user, http, chat);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            await model.DisposeAsync();
            throw;
        }
    }

    public static Dictionary<string, string?> Settings(ScriptedModelServer model, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Assistant:Provider"] = "OpenAI",
            ["Assistant:Endpoint"] = model.OpenAIEndpoint.ToString(),
            ["Assistant:ApiKey"] = ApiKey,
            ["Assistant:Model"] = ConfiguredModel,
            ["Assistant:RetryDelayMs"] = "20",
            ["Assistant:FirstTokenTimeoutSeconds"] = "10",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await Chat.DisposeAsync();
        Http.Dispose();
        await App.DisposeAsync();
        await Model.DisposeAsync();
    }
}
