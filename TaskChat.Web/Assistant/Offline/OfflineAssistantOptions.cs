using System.ComponentModel.DataAnnotations;

namespace TaskChat.Web.Assistant.Offline;

/// <summary>Bound from <c>Assistant:Offline</c>.</summary>
public sealed class OfflineAssistantOptions
{
    public const string Section = "Assistant:Offline";

    /// <summary>Pause between streamed words, so the UI shows a reply arriving as a model's would; 0 for tests and benchmarks.</summary>
    [Range(0, 10_000, ErrorMessage = "Assistant:Offline:TokenDelayMs must be between 0 and 10000 (milliseconds).")]
    public int TokenDelayMs { get; set; } = 30;
}
