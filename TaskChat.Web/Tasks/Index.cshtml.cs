using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Tasks;

/// <summary>The /tasks page: plain forms (post, redirect, get), so it works without JavaScript.</summary>
public sealed class TasksPageModel(TaskService tasks) : PageModel
{
    public IReadOnlyList<TaskItem> Tasks { get; private set; } = [];
    public int AllCount { get; private set; }
    public int OpenCount { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Filter { get; set; }

    [BindProperty]
    public string? NewTitle { get; set; }

    [BindProperty]
    public string? NewDescription { get; set; }

    [TempData]
    public string? Error { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = TaskOrder.Sort((await tasks.ListAsync(User.GetUserId(), cancellationToken: cancellationToken)).OrderBy(t => t.Number));
        AllCount = all.Count;
        OpenCount = all.Count(t => !t.IsCompleted);
        Filter = Filter is "open" or "done" ? Filter : null;
        Tasks = Filter switch
        {
            "open" => all.Where(t => !t.IsCompleted).ToList(),
            "done" => all.Where(t => t.IsCompleted).ToList(),
            _ => all,
        };
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken) =>
        Done(await tasks.CreateAsync(User.GetUserId(), new TaskInput(NewTitle, NewDescription), cancellationToken));

    public async Task<IActionResult> OnPostToggleAsync(int number, CancellationToken cancellationToken)
    {
        var task = await tasks.FindAsync(User.GetUserId(), number, cancellationToken);
        return task is null
            ? Done(TaskResult.NotFound(number))
            : Done(await tasks.UpdateAsync(User.GetUserId(), number, new TaskChanges { IsCompleted = !task.IsCompleted }, cancellationToken));
    }

    public async Task<IActionResult> OnPostUpdateAsync(int number, string? title, string? description, CancellationToken cancellationToken) =>
        Done(await tasks.UpdateAsync(User.GetUserId(), number, new TaskChanges { Title = title, Description = description ?? "" }, cancellationToken));

    public async Task<IActionResult> OnPostDeleteAsync(int number, CancellationToken cancellationToken) =>
        Done(await tasks.DeleteAsync(User.GetUserId(), number, cancellationToken));

    private RedirectToPageResult Done(TaskResult result)
    {
        Error = result.Error;
        return RedirectToPage(new { filter = Filter });
    }
}
