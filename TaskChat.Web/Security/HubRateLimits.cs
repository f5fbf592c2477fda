using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using TaskChat.Web.Chat.Contracts;

namespace TaskChat.Web.Security;

/// <summary>
/// Hub invocations are not HTTP requests, so the HTTP rate limiter never sees them: this filter
/// counts the turns a user starts (on all of their connections together) and the conversations
/// they open. A refused call gets one <c>error</c> event, <c>rate_limited</c> with the seconds
/// to wait, and nothing is stored.
/// </summary>
internal sealed class HubRateLimits : IHubFilter, IDisposable
{
    public const string RateLimited = "rate_limited";

    /// <summary>The hub methods that start a turn (and so a model call and database writes).</summary>
    private static readonly HashSet<string> TurnMethods = ["SendMessage", "ConfirmToolCall", "EditMessage", "RegenerateReply"];

    private readonly PartitionedRateLimiter<string> turns;
    private readonly PartitionedRateLimiter<string> conversations;

    public HubRateLimits(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        turns = PerUser(limits.TurnsPerMinute, TimeSpan.FromMinutes(1));
        conversations = PerUser(limits.NewConversationsPerHour, TimeSpan.FromHours(1));
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (!TurnMethods.Contains(context.HubMethodName) || context.Context.UserIdentifier is not { } userId)
        {
            return await next(context);
        }

        var request = context.HubMethodArguments.FirstOrDefault();
        using var turn = turns.AttemptAcquire(userId);
        if (!turn.IsAcquired)
        {
            return Refused(turn, ConversationOf(request), "Too many messages in a short time.");
        }

        if (request is SendMessageRequest { ConversationId: null })
        {
            using var conversation = conversations.AttemptAcquire(userId);
            if (!conversation.IsAcquired)
            {
                return Refused(conversation, null, "Too many new conversations in a short time.");
            }
        }

        return await next(context);
    }

    public void Dispose()
    {
        turns.Dispose();
        conversations.Dispose();
    }

    private static PartitionedRateLimiter<string> PerUser(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(userId => RateLimitPartition.GetFixedWindowLimiter(userId, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));

    private static Guid? ConversationOf(object? request) => request switch
    {
        SendMessageRequest send => send.ConversationId,
        ConfirmToolCallRequest confirm => confirm.ConversationId,
        EditMessageRequest edit => edit.ConversationId,
        RegenerateReplyRequest regenerate => regenerate.ConversationId,
        _ => null,
    };

    private static IAsyncEnumerable<ChatEvent> Refused(RateLimitLease lease, Guid? conversationId, string what)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var error = new ErrorEvent(conversationId ?? Guid.Empty, 0, RateLimited, $"{what} Try again in {seconds} s.", seconds);
        return Single(error);
    }

    private static async IAsyncEnumerable<ChatEvent> Single(ChatEvent chatEvent)
    {
        await Task.CompletedTask;
        yield return chatEvent;
    }
}
