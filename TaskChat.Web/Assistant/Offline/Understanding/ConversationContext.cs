namespace TaskChat.Web.Assistant.Offline.Understanding;

/// <summary>
/// What the conversation so far tells the parser: the task it was last about (what "it" means),
/// and a request the assistant answered with "which one?", so that "the second one" or "3"
/// finishes that request.
/// </summary>
public sealed record ConversationContext(int? LastTask = null, AssistantRequest? AwaitingChoice = null, IReadOnlyList<int>? Offered = null)
{
    public static readonly ConversationContext Empty = new();
}
