using TaskChat.Web.Tasks.Api;

namespace TaskChat.Web.Account;

/// <summary>Everything TaskChat keeps about one person, as "download my data" hands it over.</summary>
public sealed record AccountData(
    DateTime ExportedAt,
    AccountDataUser User,
    IReadOnlyList<TaskDto> Tasks,
    IReadOnlyList<AccountDataConversation> Conversations);
