using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Tasks.Pages;

/// <summary>
/// The /tasks page: plain forms (post, redirect, get), so it works without JavaScript. With it,
/// tasks.js posts the same forms in the background and swaps in the <c>_TaskView</c> fragment the
/// handler answers with, and fetches that fragment again whenever the tasks hub says something changed.
/// </summary>
public sealed partial class TasksPageModel(TaskService tasks, TaskCalendar calendar) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "view")]
    public string? ViewName { get; set; }

    [BindProperty(SupportsGet = true, Name = "list")]
    public string? ListName { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? SortName { get; set; }

    /// <summary>The task whose Delete was pressed without JavaScript: its row asks to confirm.</summary>
    [BindProperty(SupportsGet = true, Name = "confirm")]
    public int? Confirm { get; set; }

    /// <summary>The old links (?filter=open|done) still land on the matching view.</summary>
    [BindProperty(SupportsGet = true, Name = "filter")]
    public string? Filter { get; set; }

    [TempData]
    public string? Error { get; set; }

    [TempData]
    public string? UndoJson { get; set; }

    public TaskViewKind View => Filter == "done" ? TaskViewKind.Done : TaskView.Parse(ViewName);
    public TaskSort Sort => TaskView.ParseSort(SortName);
    public UserToday Today { get; private set; } = null!;
    public IReadOnlyList<TaskItem> Tasks { get; private set; } = [];
    public IReadOnlyList<TaskListSummary> Lists { get; private set; } = [];
    public IReadOnlyDictionary<TaskViewKind, int> Counts { get; private set; } = new Dictionary<TaskViewKind, int>();
    public TaskUndo? Undo { get; private set; }

    /// <summary>What went wrong with the last change, shown once (read from TempData after a redirect).</summary>
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Undo = UndoJson is null ? null : JsonSerializer.Deserialize<TaskUndo>(UndoJson);
        Problem = Error;
        await LoadAsync(cancellationToken);
    }

    /// <summary>The views, counts and tasks as HTML, for tasks.js to swap in.</summary>
    public async Task<IActionResult> OnGetViewAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_TaskView", this);
    }

    /// <summary>The chat page's panel of today's and overdue tasks, for task-panel.js to swap in.</summary>
    public IActionResult OnGetPanel() => new ViewComponentResult { ViewComponentName = TaskPanelViewComponent.Name };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        Today = await calendar.TodayAsync(userId, cancellationToken);
        var all = await tasks.ListAsync(userId, cancellationToken: cancellationToken);
        Lists = await tasks.ListsAsync(userId, cancellationToken);
        if (View == TaskViewKind.List)
        {
            ListName = Lists.FirstOrDefault(l => string.Equals(l.Name, ListName, StringComparison.OrdinalIgnoreCase))?.Name ?? ListName;
        }

        Counts = Enum.GetValues<TaskViewKind>().Where(v => v != TaskViewKind.List)
            .ToDictionary(v => v, v => all.Count(t => TaskView.Shows(v, t, Today, null)));
        Tasks = TaskView.Order(all.Where(t => TaskView.Shows(View, t, Today, ListName)), Sort, View);
    }

    /// <summary>The query that brings a person back to the view they were on (every form carries it).</summary>
    public Dictionary<string, string> Here
    {
        get
        {
            var here = new Dictionary<string, string> { ["view"] = TaskView.Name(View) };
            if (View == TaskViewKind.List && ListName is not null)
            {
                here["list"] = ListName;
            }

            if (Sort != TaskSort.Due)
            {
                here["sort"] = Sort.ToString().ToLowerInvariant();
            }

            return here;
        }
    }

    /// <summary><see cref="Here"/> plus the task a row's form acts on (asp-all-route-data replaces asp-route-*, so both go in one).</summary>
    public Dictionary<string, string> HereFor(int number) => new(Here) { ["number"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public string Link(TaskViewKind view, string? list = null) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["view"] = TaskView.Name(view),
            ["list"] = list,
            ["sort"] = Sort == TaskSort.Due ? null : Sort.ToString().ToLowerInvariant(),
        }.Where(p => p.Value is not null)).ToUriComponent().Insert(0, "/tasks");

    public string Title(TaskViewKind view) => view switch
    {
        TaskViewKind.List => ListName ?? "List",
        TaskViewKind.All => "All open tasks",
        _ => view.ToString(),
    };
}
