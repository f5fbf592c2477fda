
namespace TaskChat.Web.Assistant.Offline;

/// <summary>
/// What the offline assistant understood from a message: a tool to call (<see cref="Name"/> is a
/// <see cref="ToolNames"/> value and <see cref="Reply"/> is null), or a text reply. The name and
/// confidence are reported on the streamed updates (see <see cref="AssistantMetadata"/>).
/// </summary>
public sealed record OfflineIntent(string Name, double Confidence, IReadOnlyDictionary<string, object?> Arguments, string? Reply = null)
{
    public const string Confirm = "confirm";
    public const string Deny = "deny";
    public const string Greeting = "greeting";
    public const string Thanks = "thanks";
    public const string Help = "help";

    public bool CallsTool => Reply is null;

    public static OfflineIntent Tool(string name, double confidence, params (string Key, object? Value)[] arguments) =>
        new(name, confidence, arguments.ToDictionary(a => a.Key, a => a.Value));

    public static OfflineIntent Text(string name, double confidence, string reply) =>
        new(name, confidence, new Dictionary<string, object?>(), reply);
}
