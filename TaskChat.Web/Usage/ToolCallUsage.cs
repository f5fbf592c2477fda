using System.Text.Json.Serialization;

namespace TaskChat.Web.Usage;

/// <summary>One tool's calls in the period; a deletion proposal counts as needing confirmation, answered or not.</summary>
public sealed record ToolCallUsage(string Name, int Succeeded, int Failed, int NeedsConfirmation)
{
    [JsonIgnore]
    public int Total => Succeeded + Failed + NeedsConfirmation;
}
