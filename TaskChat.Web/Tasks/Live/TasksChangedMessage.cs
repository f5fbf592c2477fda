namespace TaskChat.Web.Tasks.Live;

/// <summary>The <c>tasks_changed</c> message: which task numbers changed (empty: "anything may have", e.g. a new time zone).</summary>
public sealed record TasksChangedMessage(IReadOnlyList<int> Numbers);
