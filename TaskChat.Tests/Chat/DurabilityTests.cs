using System.Text.Json;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Operations;

namespace TaskChat.Tests.Chat;

/// <summary>Nothing the user said is lost to a restart or a crash.</summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task HistoryIsIdenticalAfterARestart()
    {
        await using var database = await TestDatabase.CreateAsync();
        TestUser user;
        Guid conversationId;
        string before;
        await using (var first = await TaskChatApplication.StartAsync(database: database))
        {
            user = await first.CreateUserAsync();
            await using var chat = await ChatConnection.ConnectAsync(first.ServerAddress, user);
            conversationId = (await chat.SendAndWaitAsync("Create a task to buy groceries")).ConversationId;
            await chat.SendAndWaitAsync("Show me my tasks", conversationId);
            await chat.SendAndWaitAsync("Delete task 1", conversationId);
            using var http = first.CreateClient(user);
            before = await http.GetStringAsync($"/api/v1/conversations/{conversationId}/messages");
        }

        await using var second = await TaskChatApplication.StartAsync(database: database);
        using var again = second.CreateClient(user);
        var after = await again.GetStringAsync($"/api/v1/conversations/{conversationId}/messages");

        Assert.Equal(before, after);
        var page = JsonSerializer.Deserialize<MessagePage>(after, JsonDefaults.Wire)!;
        Assert.Equal(6, page.Messages.Count);
        Assert.Equal(ToolCallStatus.NeedsConfirmation, page.Messages[^1].ToolCalls.Single().Status);

        // The pending deletion survives the restart too: "yes" still carries it out.
        await using var chatAgain = await ChatConnection.ConnectAsync(second.ServerAddress, user);
        var confirmed = await chatAgain.SendAndWaitAsync("yes", conversationId);
        Assert.Equal(ToolCallStatus.Succeeded, Assert.Single(confirmed.ToolResults).Status);
        Assert.Empty((await again.TasksAsync()).EnumerateArray());
    }

    [Fact]
    public async Task ACrashMidReplyKeepsTheUserMessageAndTheFlushedTextAsInterrupted()
    {
        await using var database = await TestDatabase.CreateAsync();
        var environment = AppEnvironment.Defaults();
        foreach (var (key, value) in database.EnvironmentVariables)
        {
            environment[key] = value;
        }

        environment["Assistant__Offline__TokenDelayMs"] = "40";
        TestUser user;
        Guid conversationId;
        var streamed = "";
        await using (var doomed = await AppProcess.StartAsync(environment))
        {
            user = await CreateUserAsync(doomed);
            using var http = doomed.CreateClient(new BearerTokenHandler(user.AccessToken));
            await SlowReplies.AddTasksAsync(http);
            await using var chat = await ChatConnection.ConnectAsync(doomed.BaseAddress, user);
            conversationId = (await chat.SendAndWaitAsync("hello")).ConversationId;

            // Read well past a flush interval (250 ms) of tokens, then pull the plug: no graceful shutdown.
            var tokens = 0;
            using var timeout = new CancellationTokenSource(TestSettings.Timeout);
            await foreach (var chatEvent in chat.Send(SlowReplies.Prompt, conversationId, cancellationToken: timeout.Token))
            {
                if (chatEvent is TokenEvent token)
                {
                    streamed += token.Delta;
                    if (++tokens == 25)
                    {
                        doomed.Kill();
                        break;
                    }
                }
            }
        }

        await using var restarted = await AppProcess.StartAsync(environment);
        using var client = restarted.CreateClient(new BearerTokenHandler(user.AccessToken));
        var messages = (await client.MessagesAsync(conversationId)).Messages;

        Assert.Equal(4, messages.Count);
        var question = messages[2];
        Assert.Equal((MessageRole.User, SlowReplies.Prompt, MessageStatus.Completed), (question.Role, question.Content, question.Status));
        var reply = messages[3];
        Assert.Equal(MessageStatus.Interrupted, reply.Status);
        Assert.NotEmpty(reply.Content);
        // The server may have flushed a little more than had reached the client, or a little
        // less (at most one flush interval): either way one is the start of the other.
        Assert.True(streamed.StartsWith(reply.Content, StringComparison.Ordinal) || reply.Content.StartsWith(streamed, StringComparison.Ordinal),
            $"Saved \"{reply.Content}\" and streamed \"{streamed}\" diverge.");
        Assert.DoesNotContain("Errand number 15", reply.Content);

        // The conversation goes on: the next turn works.
        await using var chatAgain = await ChatConnection.ConnectAsync(restarted.BaseAddress, user);
        var next = await chatAgain.SendAndWaitAsync("Show me my open tasks", conversationId);
        Assert.Null(next.Error);
        Assert.Equal(MessageStatus.Completed, next.Completed.Status);
    }

    private static async Task<TestUser> CreateUserAsync(AppProcess app)
    {
        var (email, password) = TestUser.NewCredentials();
        using var client = app.CreateClient();
        using var registered = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/v1/auth/register", new { email, password });
        registered.EnsureSuccessStatusCode();
        var userId = JsonDocument.Parse(await registered.Content.ReadAsStringAsync()).RootElement.GetProperty("user_id").GetGuid();
        return new TestUser(email, password, userId, await TaskChatApplication.GetTokenAsync(client, email, password));
    }
}
