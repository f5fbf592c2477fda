using Microsoft.AspNetCore.Mvc;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Tasks.Pages;

/// <summary>
/// The chat page's panel: the signed-in user's overdue and today's open tasks, in their zone.
/// Rendered inside the chat page and again at <c>/tasks?handler=Panel</c> for task-panel.js.
/// </summary>
public sealed class TaskPanelViewComponent(TaskService tasks, TaskCalendar calendar) : ViewComponent
{
    public const string Name = "TaskPanel";

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.GetUserId();
        var today = await calendar.TodayAsync(userId, HttpContext.RequestAborted);
        var open = await tasks.ListAsync(userId, new TaskFilter(Completed: false), HttpContext.RequestAborted);
        var panel = new TaskPanel(
            today,
            open.Where(t => today.Matches(DueWindow.Overdue, t)).ToList(),
            open.Where(t => today.Matches(DueWindow.Today, t)).ToList());
        return View("~/Tasks/Pages/_TaskPanel.cshtml", panel);
    }
}

/// <summary>What the panel shows.</summary>
public sealed record TaskPanel(UserToday Today, IReadOnlyList<TaskItem> Overdue, IReadOnlyList<TaskItem> DueToday)
{
    public int Count => Overdue.Count + DueToday.Count;
}
