using Microsoft.Playwright;
using TaskChat.Tests.Infrastructure.Clients;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Browser;

/// <summary>
/// The start of many browser stories, said once: an app of the test's own, a user who already
/// has some tasks, and that user signed in on the chat page.
/// </summary>
internal sealed class SignedInPage : IAsyncDisposable
{
    private SignedInPage(TaskChatApplication app, TestUser user, IBrowserContext context, IPage page)
    {
        App = app;
        User = user;
        Context = context;
        Page = page;
    }

    public TaskChatApplication App { get; }
    public TestUser User { get; }
    public IBrowserContext Context { get; }
    public IPage Page { get; }

    public static async Task<SignedInPage> StartAsync(BrowserFixture browser, params string[] tasks)
    {
        var app = await TaskChatApplication.StartAsync();
        try
        {
            var user = await app.CreateUserAsync();
            using (var api = app.CreateClient(user))
            {
                foreach (var task in tasks)
                {
                    await api.CreateTaskAsync(task);
                }
            }

            var context = await browser.NewContextAsync(app.ServerAddress);
            return new SignedInPage(app, user, context, await ChatBrowser.SignInAsync(context, user));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await App.DisposeAsync();
    }
}
