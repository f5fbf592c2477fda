using System.Net;
using System.Text.RegularExpressions;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Tasks;

/// <summary>
/// The /tasks page without JavaScript: plain forms that keep the view a person chose, a Delete
/// that asks first, and an Undo after it.
/// </summary>
public sealed partial class TasksPageTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    [Fact]
    public async Task CompletingATaskInTheTodayViewReturnsToTheTodayViewWithAnUndo()
    {
        var (session, api) = await SignInAsync();
        using var _session = session;
        using var _api = api;
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        await api.CreateTaskAsync(new { title = "Water the plants", due_date = today });
        await api.CreateTaskAsync(new { title = "Call the bank", due_date = today });

        var page = await session.GetStringAsync("/tasks?view=today");
        var toggle = WebUtility.HtmlDecode(FormAction("Toggle").Match(page).Groups[1].Value);
        Assert.Contains("view=today", toggle);
        Assert.Contains("number=1", toggle);

        using var done = await session.SubmitFormAsync("/tasks?view=today", new Dictionary<string, string>(), toggle);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/tasks?view=today", done.Headers.Location?.OriginalString);
        var after = await session.GetStringAsync(done.Headers.Location!.OriginalString);
        Assert.Matches("data-view=\"today\">Today <span class=\"count\">1</span>", after);
        Assert.Contains("Completed task 1, “Water the plants”.", WebUtility.HtmlDecode(after));
        Assert.Single(await api.ListTasksAsync(), task => task.IsCompleted);

        // The Undo is a form too: it reopens the task.
        using var undone = await session.SubmitFormAsync("/tasks?view=today", UndoFields(after), UndoAction(after));
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.All(await api.ListTasksAsync(), task => Assert.False(task.IsCompleted));
    }

    [Fact]
    public async Task DeleteAsksFirstAndUndoBringsTheTaskBackWithoutJavaScript()
    {
        var (session, api) = await SignInAsync();
        using var _session = session;
        using var _api = api;
        await api.CreateTaskAsync("Water the plants");
        await api.CreateTaskAsync("Call the bank");

        // The Delete button is a link to the same view asking about that task; nothing is deleted yet.
        var list = await session.GetStringAsync("/tasks?view=all");
        Assert.Contains("href=\"/tasks?view=all&amp;confirm=2#task-2\"", list);
        Assert.Matches("<div class=\"task-confirm\"[^>]*aria-label=\"Confirm deleting task 2\" hidden=\"hidden\">", list);
        var asking = await session.GetStringAsync("/tasks?view=all&confirm=2");
        Assert.Matches("<div class=\"task-confirm\"[^>]*aria-label=\"Confirm deleting task 2\">", asking);
        Assert.Contains("Delete task 2, “Call the bank”?", WebUtility.HtmlDecode(asking));
        Assert.Equal(2, (await api.ListTasksAsync()).Count);

        var delete = WebUtility.HtmlDecode(FormAction("Delete").Matches(asking).Single(m => m.Groups[1].Value.Contains("number=2")).Groups[1].Value);
        using var deleted = await session.SubmitFormAsync("/tasks?view=all&confirm=2", new Dictionary<string, string>(), delete);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(["Water the plants"], (await api.ListTasksAsync()).Select(t => t.Title));
        var after = await session.GetStringAsync(deleted.Headers.Location!.OriginalString);
        Assert.Contains("Deleted task 2, “Call the bank”.", WebUtility.HtmlDecode(after));

        using var undone = await session.SubmitFormAsync("/tasks?view=all", UndoFields(after), UndoAction(after));

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var back = Assert.Single(await api.ListTasksAsync(), t => t.Number == 2);
        Assert.Equal("Call the bank", back.Title);
    }

    [Fact]
    public async Task TheOldFilterLinksStillWork()
    {
        var (session, api) = await SignInAsync();
        using var _session = session;
        using var _api = api;
        await api.CreateTaskAsync("Open one");

        var done = await session.GetStringAsync("/tasks?filter=done");
        var open = await session.GetStringAsync("/tasks?filter=open");

        Assert.Contains("No finished tasks yet.", done);
        Assert.Contains("Open one", open);
    }

    private async Task<(PageSession Session, HttpClient Api)> SignInAsync()
    {
        var user = await app.CreateUserAsync();
        var session = new PageSession(app.ServerAddress);
        using var signIn = await session.SubmitFormAsync("/signin", new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return (session, app.CreateClient(user));
    }

    /// <summary>The hidden fields of the page's Undo form, as a browser would post them.</summary>
    private static Dictionary<string, string> UndoFields(string page)
    {
        var form = UndoForm().Match(page);
        Assert.True(form.Success, "The page shows no Undo.");
        return HiddenField().Matches(form.Value)
            .Where(m => m.Groups[1].Value != "__RequestVerificationToken")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
    }

    private static string UndoAction(string page)
    {
        var action = Regex.Match(UndoForm().Match(page).Value, "action=\"([^\"]*handler=Undo[^\"]*)\"");
        Assert.True(action.Success, "The Undo form posts nowhere.");
        return WebUtility.HtmlDecode(action.Groups[1].Value);
    }

    private static Regex FormAction(string handler) => new($"<form method=\"post\" action=\"([^\"]*handler={handler}[^\"]*)\"");

    [GeneratedRegex("<form[^>]*id=\"undo-bar\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex UndoForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}
