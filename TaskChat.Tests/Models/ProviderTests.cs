using System.Net.Http.Json;
using System.Text.Json;
using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Tests.Models;

/// <summary>Each provider's wire form against the scripted server: route, credentials, model, and a turn that adds a task.</summary>
public sealed class ProviderTests
{
    private static readonly ScriptedReply[] AddGroceries =
    [
        ScriptedReply.ToolCalls(new ScriptedCall("call_g1", "add_task", "{\"title\":", " \"Buy groceries\"}")),
        ScriptedReply.Text("Added task 1:", " Buy groceries."),
    ];

    [Fact]
    public async Task AzureOpenAIUsesTheDeploymentRouteAndTheApiKeyHeader()
    {
        await using var world = await ModelHarness.StartAsync(model => new Dictionary<string, string?>
        {
            ["Assistant:Provider"] = "AzureOpenAI",
            ["Assistant:Endpoint"] = model.Address.ToString(),
            ["Assistant:ApiKey"] = "azure-test-key",
            ["Assistant:Model"] = "taskchat-gpt4o",
            ["Assistant:RetryDelayMs"] = "20",
        });
        world.Model.Enqueue(AddGroceries);

        var turn = await world.Chat.SendAndWaitAsync("Create a task to buy groceries");

        TaskFlowTests.AssertStreamedReply(turn);
        Assert.Equal("Added task 1: Buy groceries.", turn.Completed.Content);
        Assert.Equal("Buy groceries", Assert.Single((await world.Http.TasksAsync()).EnumerateArray()).GetProperty("title").GetString());

        var request = world.Model.Requests[0];
        Assert.Equal("/openai/deployments/taskchat-gpt4o/chat/completions", request.Path);
        Assert.Contains("api-version=", request.Query);
        Assert.Equal("azure-test-key", request.ApiKeyHeader);
        Assert.Null(request.Authorization);
        Assert.True(request.Streams);
        Assert.True(request.AsksForUsage);
        Assert.Equal(9, request.ToolNames.Count);

        var metadata = (await world.Http.MessagesAsync(turn.ConversationId)).Messages[^1].Metadata!.Value;
        Assert.Equal("azure_openai", metadata.GetProperty("provider").GetString());
        Assert.Equal(ScriptedReply.Model, metadata.GetProperty("model").GetString());
        Assert.Equal(2 * ScriptedReply.PromptTokens, metadata.GetProperty("usage").GetProperty("input_token_count").GetInt64());
    }

    [Fact]
    public async Task OllamaNeedsNoKeyAndUsesItsDefaultModel()
    {
        await using var world = await ModelHarness.StartAsync(model => new Dictionary<string, string?>
        {
            ["Assistant:Provider"] = "Ollama",
            ["Assistant:Endpoint"] = model.OpenAIEndpoint.ToString(),
        });
        world.Model.Enqueue(AddGroceries);

        var turn = await world.Chat.SendAndWaitAsync("Create a task to buy groceries");

        TaskFlowTests.AssertStreamedReply(turn);
        var request = world.Model.Requests[0];
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("llama3.2", request.Model);
        var metadata = (await world.Http.MessagesAsync(turn.ConversationId)).Messages[^1].Metadata!.Value;
        Assert.Equal("ollama", metadata.GetProperty("provider").GetString());
    }

    [Fact]
    public async Task OpenAIApiKeyWithOpenAIBaseUrlSelectsOpenAIWithItsDefaultModel()
    {
        await using var world = await ModelHarness.StartAsync(model => new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-from-the-environment",
            ["OPENAI_BASE_URL"] = model.OpenAIEndpoint.ToString(),
        });
        world.Model.Enqueue(ScriptedReply.Text("Hello", " from OpenAI."));

        var turn = await world.Chat.SendAndWaitAsync("Hi");

        TaskFlowTests.AssertStreamedReply(turn);
        var request = Assert.Single(world.Model.Requests);
        Assert.Equal("Bearer sk-from-the-environment", request.Authorization);
        Assert.Equal("gpt-4o-mini", request.Model);
    }

    /// <summary>
    /// A Gemini <c>.env</c> (GEMINI_API_KEY and OPENAI_BASE_URL), as environment variables of a real app process, and nothing else about
    /// the assistant: Gemini's OpenAI endpoint (here the scripted server under <c>/v1beta/openai/</c>).
    /// </summary>
    [Fact]
    public async Task GeminiApiKeyAndOpenAIBaseUrlAloneRunATurnThatCreatesATask()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(AddGroceries);
        await using var database = await TestDatabase.CreateAsync();
        var environment = new Dictionary<string, string?>(database.EnvironmentVariables)
        {
            ["GEMINI_API_KEY"] = "gemini-test-key",
            ["OPENAI_BASE_URL"] = new Uri(model.Address, "v1beta/openai/").ToString(),
        };
        await using var app = await AppProcess.StartAsync(environment);

        var (email, password) = TestUser.NewCredentials();
        using var anonymous = app.CreateClient();
        using (var registered = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, password }))
        {
            registered.EnsureSuccessStatusCode();
        }

        var token = await TaskChatApplication.GetTokenAsync(anonymous, email, password);
        await using var chat = await ChatConnection.ConnectAsync(app.BaseAddress, new TestUser(email, password, Guid.Empty, token));
        var turn = await chat.SendAndWaitAsync("Create a task to buy groceries");

        TaskFlowTests.AssertStreamedReply(turn);
        Assert.Equal("add_task", Assert.Single(turn.ToolStarts).Name);
        Assert.Equal(ToolCallStatus.Succeeded, Assert.Single(turn.ToolResults).Status);
        using var http = app.CreateClient(new BearerTokenHandler(token));
        var tasks = await http.GetFromJsonAsync<JsonElement>("/api/v1/tasks");
        Assert.Equal("Buy groceries", Assert.Single(tasks.EnumerateArray()).GetProperty("title").GetString());

        var request = model.Requests[0];
        Assert.Equal("/v1beta/openai/chat/completions", request.Path);
        Assert.Equal("Bearer gemini-test-key", request.Authorization);
        Assert.Equal("gemini-2.0-flash", request.Model);
        Assert.Equal(2, model.Requests.Count);
    }
}
