namespace TaskChat.Web.Tasks;

/// <summary>How much a task matters; stored and sent as <c>low</c>, <c>normal</c> or <c>high</c>.</summary>
public enum TaskPriority
{
    Low,
    Normal,
    High,
}
