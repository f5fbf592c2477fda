using System.Text;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;
using TaskChat.Web.Chat.Turns;

namespace TaskChat.Web.Chat.Events;

/// <summary>
/// A turn followed to its end, for the callers that wait rather than stream: POST /api/v1/chat
/// and the chat page's form posts without JavaScript.
/// </summary>
public sealed record FinishedTurn(string Content, MessageStatus? Status, ErrorEvent? Failure)
{
    /// <summary>The model failed after the turn started; the message is stored as failed with its text.</summary>
    public bool ModelFailed => Status == MessageStatus.Failed && Failure is not null;

    public static async Task<FinishedTurn> FollowAsync(TurnFollower follower, Guid userId, TurnStart start, CancellationToken cancellationToken)
    {
        var reply = new StringBuilder();
        MessageCompletedEvent? completed = null;
        ErrorEvent? failure = null;
        await foreach (var chatEvent in follower.FollowAsync(userId, start, cancellationToken))
        {
            switch (chatEvent)
            {
                case TokenEvent token:
                    reply.Append(token.Delta);
                    break;
                case ErrorEvent error:
                    failure = error;
                    break;
                case MessageCompletedEvent done:
                    completed = done;
                    break;
            }
        }

        return new FinishedTurn(completed?.Content ?? reply.ToString(), completed?.Status, failure);
    }
}
