using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Tests.Chat;

/// <summary>A graceful stop (SIGTERM) mid-reply waits for the reply's final write: nothing it streamed is lost.</summary>
public sealed class GracefulStopTests
{
    [Fact]
    public async Task AStopMidReplySavesTheReplyAsInterruptedWithEverythingItStreamed()
    {
        await using var database = await TestDatabase.CreateAsync();
        var environment = AppEnvironment.Defaults();
        foreach (var (key, value) in database.EnvironmentVariables)
        {
            environment[key] = value;
        }

        // Slow words and a long flush interval: a reply saved only by its partial writes would
        // keep far less than was streamed.
        environment["Assistant__Offline__TokenDelayMs"] = "40";
        environment["Chat__FlushInterval"] = "00:00:05";
        TestUser user;
        Guid conversationId;
        var streamed = "";
        await using (var stopping = await AppProcess.StartAsync(environment))
        {
            user = await DurabilityTests.CreateUserAsync(stopping);
            using var http = stopping.CreateClient(new BearerTokenHandler(user.AccessToken));
            await SlowReplies.AddTasksAsync(http);
            await using var chat = await ChatConnection.ConnectAsync(stopping.BaseAddress, user);
            using var timeout = new CancellationTokenSource(TestSettings.Timeout);
            var tokens = 0;
            conversationId = Guid.Empty;
            await foreach (var chatEvent in chat.Send(SlowReplies.Prompt, cancellationToken: timeout.Token))
            {
                conversationId = chatEvent.ConversationId;
                if (chatEvent is TokenEvent token)
                {
                    streamed += token.Delta;
                    if (++tokens == 20)
                    {
                        break;
                    }
                }
            }

            Assert.Equal(0, await stopping.StopAsync());
        }

        await using var restarted = await AppProcess.StartAsync(environment);
        using var client = restarted.CreateClient(new BearerTokenHandler(user.AccessToken));
        var reply = (await client.MessagesAsync(conversationId)).Messages[^1];

        Assert.Equal(MessageStatus.Interrupted, reply.Status);
        Assert.True(reply.Content.StartsWith(streamed, StringComparison.Ordinal), $"Saved \"{reply.Content}\", streamed \"{streamed}\".");
    }
}
