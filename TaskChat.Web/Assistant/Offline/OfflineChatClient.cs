using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using TaskChat.Web.Assistant.Offline.Acting;
using TaskChat.Web.Assistant.Offline.Understanding;

namespace TaskChat.Web.Assistant.Offline;

/// <summary>
/// The built-in assistant: deterministic, rule-based, no network. It plugs in where a model
/// client goes and behaves like one: each call reads the conversation, understands the user's
/// message (<see cref="RequestParser"/>) and either asks for tool calls, which
/// <see cref="FunctionInvokingChatClient"/> performs, or streams its reply once the results are
/// in (<see cref="RequestPlanner"/>). Stateless, so one instance serves every turn.
/// </summary>
public sealed partial class OfflineChatClient(OfflineAssistantOptions options, OfflineToday today) : IChatClient
{
    public const string ModelId = "taskchat-offline";

    private static readonly ChatClientMetadata Metadata = new("taskchat-offline", defaultModelId: ModelId);

    public OfflineChatClient() : this(new OfflineAssistantOptions(), new OfflineToday(TimeProvider.System))
    {
    }

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var history = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var date = today.For(history);
        var state = TurnState.Read(history, (text, context) => RequestParser.Parse(text, date, context));
        var request = RequestParser.Parse(state.UserText, date, state.Context);
        var plan = RequestPlanner.Next(request, state, OfflineTools.From(chatOptions), date);
        var ids = new Ids($"resp_{Guid.NewGuid():N}", $"msg_{Guid.NewGuid():N}");

        if (plan.Calls.Count > 0)
        {
            yield return Update(request, ids, [.. plan.Calls], ChatFinishReason.ToolCalls);
            yield break;
        }

        await foreach (var update in Stream(plan.Reply ?? ChatReplies.ToolsUnavailable, request, ids, cancellationToken))
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

    private sealed record Ids(string Response, string Message);

    /// <summary>One update per word (with its trailing space or line break), paced like a model.</summary>
    private async IAsyncEnumerable<ChatResponseUpdate> Stream(
        string text, AssistantRequest request, Ids ids, [EnumeratorCancellation] CancellationToken cancellationToken)
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
            yield return Update(request, ids, [new TextContent(words[i].Value)], last ? ChatFinishReason.Stop : null);
        }
    }

    private static ChatResponseUpdate Update(AssistantRequest request, Ids ids, IList<AIContent> contents, ChatFinishReason? finishReason) =>
        new(ChatRole.Assistant, contents)
        {
            ResponseId = ids.Response,
            MessageId = ids.Message,
            ModelId = ModelId,
            CreatedAt = DateTimeOffset.UtcNow,
            FinishReason = finishReason,
            AdditionalProperties = new()
            {
                [AssistantMetadata.Intent] = IntentName(request.Intent),
                [AssistantMetadata.Confidence] = request.Confidence,
            },
        };

    /// <summary>The metadata's intent: the tool a request is about, as a model's would be, or what kind of chat it is.</summary>
    private static string IntentName(RequestIntent intent) => intent switch
    {
        RequestIntent.Add => OfflineTools.AddTask,
        RequestIntent.List or RequestIntent.Count => OfflineTools.ListTasks,
        RequestIntent.Complete => OfflineTools.CompleteTasks,
        RequestIntent.Delete => OfflineTools.DeleteTasks,
        RequestIntent.Reopen or RequestIntent.Update or RequestIntent.AddOrMove => OfflineTools.UpdateTask,
        RequestIntent.Undo => OfflineTools.Undo,
        RequestIntent.Unknown or RequestIntent.Incomplete => "help",
        _ => SnakeCase().Replace(intent.ToString(), "$1_$2").ToLowerInvariant(),
    };

    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex Words();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex SnakeCase();
}
