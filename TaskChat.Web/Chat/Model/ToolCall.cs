namespace TaskChat.Web.Chat.Model;

public sealed class ToolCall
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MessageId { get; set; }
    public Message? Message { get; set; }

    /// <summary>The model's own id for the call, which ties its result back to it.</summary>
    public required string CallId { get; set; }

    public required string Name { get; set; }

    /// <summary>JSON object of the arguments the model sent.</summary>
    public string Arguments { get; set; } = "{}";

    /// <summary>JSON result the tool returned (or its error).</summary>
    public string? Result { get; set; }

    public ToolCallStatus Status { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}
