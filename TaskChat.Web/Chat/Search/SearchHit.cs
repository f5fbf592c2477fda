namespace TaskChat.Web.Chat.Search;

/// <summary>A row as the search queries return it: the snippet still carries the engines' raw markers.</summary>
public sealed class SearchHit
{
    public Guid ConversationId { get; set; }
    public string ConversationTitle { get; set; } = "";
    public Guid? MessageId { get; set; }
    public string Snippet { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public double Rank { get; set; }
}
