using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace TaskChat.Web.Assistant.Offline;

/// <summary>
/// The built-in assistant: deterministic, rule-based, no network. It plugs in where a model
/// client goes and behaves like one: given a user message it either asks for a tool call
/// (which <see cref="FunctionInvokingChatClient"/> performs) or streams a reply; given tool
/// results it streams a summary of them. Stateless, so one instance serves every turn.
/// </summary>
public sealed partial class OfflineChatClient(OfflineAssistantOptions options) : IChatClient
{
    public const string ModelId = "taskchat-offline";

    private static readonly ChatClientMetadata Metadata = new("taskchat-offline", defaultModelId: ModelId);

    public OfflineChatClient() : this(new OfflineAssistantOptions())
    {
    }

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var history = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var intent = IntentParser.Parse(LastUserText(history));
        var responseId = $"resp_{Guid.NewGuid():N}";
        var messageId = $"msg_{Guid.NewGuid():N}";

        var results = TrailingToolResults(history);
        if (results.Count > 0)
        {
            var reply = string.Join("\n\n", results.Select(result => Summarize(result, history)));
            await foreach (var update in Stream(reply, intent, responseId, messageId, cancellationToken))
            {
                yield return update;
            }

            yield break;
        }

        if (intent.CallsTool && HasTool(options, intent.Name))
        {
            var call = new FunctionCallContent($"call_{Guid.NewGuid():N}", intent.Name, intent.Arguments.ToDictionary());
            yield return Update(intent, responseId, messageId, [call], ChatFinishReason.ToolCalls);
            yield break;
        }

        var text = intent.Reply ?? Replies.ToolsUnavailable;
        await foreach (var update in Stream(text, intent, responseId, messageId, cancellationToken))
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    /// <summary>One update per word (with its trailing space or line break), paced like a model.</summary>
    private async IAsyncEnumerable<ChatResponseUpdate> Stream(
        string text, OfflineIntent intent, string responseId, string messageId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var words = Words().Matches(text);
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0 && options.TokenDelayMs > 0)
            {
                await Task.Delay(options.TokenDelayMs, cancellationToken);
            }

            cancellationToken.ThrowIfCancellationRequested();
            var last = i == words.Count - 1;
            yield return Update(intent, responseId, messageId, [new TextContent(words[i].Value)], last ? ChatFinishReason.Stop : null);
        }
    }

    private static ChatResponseUpdate Update(
        OfflineIntent intent, string responseId, string messageId, IList<AIContent> contents, ChatFinishReason? finishReason) =>
        new(ChatRole.Assistant, contents)
        {
            ResponseId = responseId,
            MessageId = messageId,
            ModelId = ModelId,
            CreatedAt = DateTimeOffset.UtcNow,
            FinishReason = finishReason,
            AdditionalProperties = new()
            {
                [AssistantMetadata.Intent] = intent.Name,
                [AssistantMetadata.Confidence] = intent.Confidence,
            },
        };

    private static string Summarize(FunctionResultContent result, IReadOnlyList<ChatMessage> history)
    {
        var call = history.SelectMany(message => message.Contents).OfType<FunctionCallContent>()
            .LastOrDefault(candidate => candidate.CallId == result.CallId);
        var arguments = call?.Arguments is { } args ? new Dictionary<string, object?>(args) : null;
        return Replies.ForToolResult(call?.Name ?? "", arguments, ToolResult.Read(result.Result));
    }

    private static string? LastUserText(IReadOnlyList<ChatMessage> history) =>
        history.LastOrDefault(message => message.Role == ChatRole.User)?.Text;

    /// <summary>The results at the end of the conversation, i.e. the ones this call should answer.</summary>
    private static List<FunctionResultContent> TrailingToolResults(IReadOnlyList<ChatMessage> history)
    {
        var results = new List<FunctionResultContent>();
        for (var i = history.Count - 1; i >= 0 && history[i].Role == ChatRole.Tool; i--)
        {
            results.InsertRange(0, history[i].Contents.OfType<FunctionResultContent>());
        }

        return results;
    }

    private static bool HasTool(ChatOptions? options, string name) =>
        options?.Tools?.Any(tool => tool.Name == name) == true;

    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex Words();
}
