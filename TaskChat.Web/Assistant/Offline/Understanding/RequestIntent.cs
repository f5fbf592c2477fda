namespace TaskChat.Web.Assistant.Offline.Understanding;

/// <summary>What a person asked the offline assistant to do.</summary>
public enum RequestIntent
{
    Add,

    /// <summary>"put X on my work list": adds X, unless X names a task that exists, which then moves.</summary>
    AddOrMove,
    List,
    Count,
    Complete,
    Reopen,
    Delete,
    Update,
    Undo,
    Confirm,
    Deny,
    Greeting,
    Thanks,
    Help,
    SmallTalk,

    /// <summary>A verb we know without what it applies to ("delete", "add a task"): ask for it.</summary>
    Incomplete,
    Unknown,
}
