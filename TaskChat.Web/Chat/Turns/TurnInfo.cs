using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using TaskChat.Web.Assistant;
using TaskChat.Web.Operations;

namespace TaskChat.Web.Chat.Turns;

/// <summary>What a turn learns about itself while it streams: the assistant message's metadata.</summary>
internal sealed class TurnInfo(long startedAt)
{
    private double? firstTokenMs;
    private string? model;
    private UsageDetails? usage;

    public string? Intent { get; private set; }
    public double? Confidence { get; private set; }
    public string? ToolName { get; private set; }
    public double ElapsedMs => Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds;

    public void Observe(ChatResponseUpdate update)
    {
        model ??= update.ModelId;
        Intent = AssistantMetadata.ReadIntent(update) ?? Intent;
        Confidence = AssistantMetadata.ReadConfidence(update) ?? Confidence;

        foreach (var content in update.Contents)
        {
            // One turn can make several model requests (one more after each round of tool calls);
            // each reports its own usage, so the turn's usage is their sum.
            if (content is UsageContent usageContent)
            {
                usage ??= new UsageDetails();
                usage.Add(usageContent.Details);
            }
        }
    }

    public void FirstToken() => firstTokenMs ??= ElapsedMs;

    public void ToolCalled(string name) => ToolName ??= name;

    public string ToJson(ChatClientMetadata? client) => JsonSerializer.Serialize(new
    {
        Provider = client?.ProviderName,
        Model = model ?? client?.DefaultModelId,
        Intent = Intent ?? ToolName ?? "chat",
        ToolCalled = ToolName,
        Confidence,
        ExecutionTimeMs = (long)ElapsedMs,
        TimeToFirstTokenMs = firstTokenMs is { } ms ? (long?)ms : null,
        Usage = usage is null ? null : new { usage.InputTokenCount, usage.OutputTokenCount, usage.TotalTokenCount },
    }, JsonDefaults.Wire);
}
