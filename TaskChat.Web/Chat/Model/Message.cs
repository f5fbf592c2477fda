namespace TaskChat.Web.Chat.Model;

public sealed class Message
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ConversationId { get; set; }
    public Conversation? Conversation { get; set; }
    public int SequenceNumber { get; set; }

    /// <summary>
    /// The message this one answers or follows; null for a conversation's first message. A
    /// conversation is a tree: an edit or a regenerated reply is a new child of the same parent.
    /// </summary>
    public Guid? ParentId { get; set; }

    public MessageRole Role { get; set; }
    public string Content { get; set; } = "";
    public MessageStatus Status { get; set; }
    public string? ClientMessageId { get; set; }

    /// <summary>JSON: provider, model, timings and usage for assistant replies.</summary>
    public string? Metadata { get; set; }

    // The usage figures of an assistant reply, also kept as columns so the usage page can add
    // them up in the database. Written by the turn's final write; null on older rows.
    public string? Provider { get; set; }
    public string? Model { get; set; }
    public long? InputTokens { get; set; }
    public long? OutputTokens { get; set; }
    public int? FirstTokenMs { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    public List<ToolCall> ToolCalls { get; set; } = [];
}
