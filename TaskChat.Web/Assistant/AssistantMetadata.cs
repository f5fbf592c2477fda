using Microsoft.Extensions.AI;

namespace TaskChat.Web.Assistant;

/// <summary>
/// Keys the offline assistant sets on each <see cref="ChatResponseUpdate.AdditionalProperties"/>,
/// for the REST API's <c>metadata.intent</c> and <c>metadata.confidence</c>. A model-backed
/// client does not set them; callers then fall back to the tool that was called.
/// </summary>
public static class AssistantMetadata
{
    public const string Intent = "intent";
    public const string Confidence = "confidence";

    public static string? ReadIntent(ChatResponseUpdate update) =>
        update.AdditionalProperties?.TryGetValue(Intent, out var value) == true ? value as string : null;

    public static double? ReadConfidence(ChatResponseUpdate update) =>
        update.AdditionalProperties?.TryGetValue(Confidence, out var value) == true && value is double confidence ? confidence : null;
}
