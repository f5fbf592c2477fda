namespace TaskChat.Web.Chat.Contracts;

/// <summary>Error codes of <see cref="ErrorEvent"/>, stable for clients.</summary>
public static class ChatErrorCodes
{
    public const string InvalidRequest = "invalid_request";
    public const string MessageTooLong = "message_too_long";
    public const string ConversationNotFound = "conversation_not_found";
    public const string MessageNotFound = "message_not_found";
    public const string ToolCallNotFound = "tool_call_not_found";
    public const string TurnInProgress = "turn_in_progress";
    public const string ModelFailed = "model_failed";

    /// <summary>The stream ended before its turn did (Redis dropped, or the watcher fell behind): resume with WatchConversation.</summary>
    public const string StreamInterrupted = "stream_interrupted";

    /// <summary>The reply ended but its final state could not be stored; message_completed then says failed.</summary>
    public const string ReplyNotSaved = "reply_not_saved";
}
