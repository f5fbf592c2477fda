using StackExchange.Redis;

namespace TaskChat.Web.ScaleOut;

/// <summary>Every key and channel TaskChat uses in Redis, in one place.</summary>
internal static class RedisKeys
{
    public const string Prefix = "taskchat:";

    public static readonly RedisKey DataProtection = Prefix + "data-protection-keys";

    /// <summary>The in-flight (or just finished) turn's events, as a list of JSON.</summary>
    public static RedisKey TurnEvents(Guid conversationId) => $"{Prefix}turn:{conversationId:N}";

    /// <summary>Held by the node running the conversation's turn; expires if that node dies.</summary>
    public static RedisKey TurnLease(Guid conversationId) => $"{Prefix}lease:{conversationId:N}";

    public static RedisChannel Events(Guid conversationId) => RedisChannel.Literal($"{Prefix}events:{conversationId:N}");

    public static readonly RedisChannel AllEvents = RedisChannel.Pattern(Prefix + "events:*");

    public static readonly RedisChannel Stop = RedisChannel.Literal(Prefix + "stop");
}
