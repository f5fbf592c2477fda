using System.Net;
using System.Text.RegularExpressions;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Tasks;

/// <summary>The /tasks page keeps the filter a person chose across what they do on it.</summary>
public sealed partial class TasksPageTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public async Task CompletingATaskInTheOpenFilterReturnsToTheOpenFilter()
    {
        var user = await app.CreateUserAsync();
        using var api = app.CreateClient(user);
        await api.CreateTaskAsync("Water the plants");
        await api.CreateTaskAsync("Call the bank");
        using var session = new PageSession(app.ServerAddress);
        using var signIn = await session.SubmitFormAsync("/signin", new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var page = await session.GetStringAsync("/tasks?filter=open");
        var toggle = WebUtility.HtmlDecode(ToggleAction().Match(page).Groups[1].Value);
        Assert.Contains("filter=open", toggle);

        using var done = await session.SubmitFormAsync("/tasks?filter=open", new Dictionary<string, string>(), toggle);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/tasks?filter=open", done.Headers.Location?.OriginalString);
        var after = await session.GetStringAsync(done.Headers.Location!.OriginalString);
        Assert.Contains("Open (1)", after);
        Assert.Single(await api.ListTasksAsync(), task => task.IsCompleted);
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*handler=Toggle[^\"]*)\"")]
    private static partial Regex ToggleAction();
}
