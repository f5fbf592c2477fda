using System.Text;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Events;

/// <summary>
/// Every event of one turn, in order, plus the state they add up to. A late watcher
/// resumes from it: the events after the one it saw, or a snapshot of the whole turn.
/// Not thread-safe; <see cref="ConversationFeed"/> guards it.
/// </summary>
internal sealed class TurnBuffer(Guid conversationId, Guid messageId, long firstEvent)
{
    private readonly List<ChatEvent> events = [];
    private readonly StringBuilder content = new();
    private readonly List<ToolCallDto> toolCalls = [];

    public Guid MessageId { get; } = messageId;
    public long FirstEvent { get; } = firstEvent;
    public long LastEvent { get; private set; } = firstEvent - 1;
    public MessageStatus Status { get; private set; } = MessageStatus.Streaming;
    public bool IsFinished => Status != MessageStatus.Streaming;
    public DateTime? FinishedAt { get; private set; }

    public void Add(ChatEvent chatEvent)
    {
        events.Add(chatEvent);
        LastEvent = chatEvent.Event;
        switch (chatEvent)
        {
            case TokenEvent token:
                content.Append(token.Delta);
                break;
            case ToolCallStartedEvent started:
                toolCalls.Add(new ToolCallDto(started.ToolCallId, started.Name, started.Arguments, null, ToolCallStatus.Running, started.Label));
                break;
            case ToolCallCompletedEvent completed:
                var index = toolCalls.FindIndex(call => call.Id == completed.ToolCallId);
                if (index >= 0)
                {
                    toolCalls[index] = toolCalls[index] with { Result = completed.Result, Status = completed.Status, Summary = completed.Summary };
                }

                break;
            case MessageCompletedEvent done:
                content.Clear().Append(done.Content);
                Status = done.Status;
                FinishedAt = DateTime.UtcNow;
                break;
        }
    }

    /// <summary>True when this buffer holds every event after <paramref name="afterEvent"/> of its turn.</summary>
    public bool CanResumeAfter(long afterEvent) => afterEvent >= FirstEvent - 1 && afterEvent <= LastEvent;

    public IEnumerable<ChatEvent> After(long afterEvent) => events.Where(e => e.Event > afterEvent);

    /// <summary>Rebuilds a turn's buffer from its events in order (as another node stored them).</summary>
    public static TurnBuffer? FromEvents(IReadOnlyList<ChatEvent> events)
    {
        if (events is not [TurnStartedEvent started, ..])
        {
            return null;
        }

        var buffer = new TurnBuffer(started.ConversationId, started.AssistantMessageId, started.Event);
        foreach (var chatEvent in events)
        {
            buffer.Add(chatEvent);
        }

        return buffer;
    }

    public TurnSnapshotEvent Snapshot() =>
        new(conversationId, LastEvent, MessageId, content.ToString(), toolCalls.ToList(), Status);
}
