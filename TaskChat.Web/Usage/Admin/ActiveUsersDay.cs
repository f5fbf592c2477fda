namespace TaskChat.Web.Usage.Admin;

/// <summary>How many accounts had at least one turn on a day.</summary>
public sealed record ActiveUsersDay(DateOnly Date, int Users);
