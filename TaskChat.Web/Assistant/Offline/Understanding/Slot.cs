namespace TaskChat.Web.Assistant.Offline.Understanding;

/// <summary>What the <c>{value}</c> of an edit phrasing sets.</summary>
public enum Slot
{
    None,
    Title,
    Description,
    Due,

    /// <summary>"by a week": moves the due date by an amount.</summary>
    Shift,
    Priority,
    List,

    /// <summary>A date, a list or a priority, whichever the words are ("move it to Friday", "move it to my work list").</summary>
    Any,
    ClearDue,
    ClearList,
}
