namespace TaskChat.Web.Assistant.Offline.Understanding;

/// <summary>The ways a request names a task.</summary>
public enum ReferenceKind
{
    /// <summary>"task 3", "#3", "3".</summary>
    Number,

    /// <summary>Words of a title: "the report", "the dentist one".</summary>
    Words,

    /// <summary>"it", "that", "this one": the task the conversation was last about.</summary>
    It,

    /// <summary>"everything", "all my tasks": every task the action applies to.</summary>
    All,

    /// <summary>"the completed ones", "completed tasks".</summary>
    Completed,
}
