namespace TaskChat.Web.Assistant.Offline.Understanding;

/// <summary>How a request names a task.</summary>
public sealed record TaskReference(ReferenceKind Kind, int? Number = null, string? Words = null)
{
    public static TaskReference ByNumber(int number) => new(ReferenceKind.Number, number);

    public static TaskReference ByWords(string words) => new(ReferenceKind.Words, Words: words);

    public static readonly TaskReference It = new(ReferenceKind.It);

    public static readonly TaskReference All = new(ReferenceKind.All);

    public static readonly TaskReference Completed = new(ReferenceKind.Completed);

    public override string ToString() => Kind switch
    {
        ReferenceKind.Number => $"#{Number}",
        ReferenceKind.Words => $"\"{Words}\"",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
