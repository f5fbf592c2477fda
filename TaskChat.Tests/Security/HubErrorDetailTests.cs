using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using TaskChat.Tests.Chat;
using TaskChat.Tests.Infrastructure.Hosting;
using TaskChat.Web.Chat.Contracts;

namespace TaskChat.Tests.Security;

/// <summary>Exception details from the hub reach a client only while developing.</summary>
public sealed class HubErrorDetailTests
{
    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    public async Task AMalformedCallIsExplainedInDetailOnlyInDevelopment(string environment, bool detailed)
    {
        await using var app = await TaskChatApplication.StartAsync(new Dictionary<string, string?> { ["environment"] = environment });
        var user = await app.CreateUserAsync();
        await using var chat = await ChatConnection.ConnectAsync(app.ServerAddress, user);

        var error = await Assert.ThrowsAsync<HubException>(async () =>
        {
            await foreach (var _ in chat.Hub.StreamAsync<ChatEvent>("SendMessage", 42))
            {
            }
        });

        Assert.Contains("Failed to invoke 'SendMessage'", error.Message);
        Assert.Equal(detailed, error.Message.Contains("InvalidDataException", StringComparison.Ordinal));
        // The connection survives a refused call either way.
        Assert.Equal("completed", (await chat.SendAndWaitAsync("Create a task to read the logs")).Completed.Status.ToString().ToLowerInvariant());
    }
}
