using TaskChat.Web.Chat;
using TaskChat.Web.Tasks;

namespace TaskChat.Web.Account;

// The wire shapes of the account routes under /api/v1/me (snake_case on the wire).

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record DeleteAccountRequest(string? Password);

/// <summary>Everything TaskChat keeps about one person, as "download my data" hands it over.</summary>
public sealed record AccountData(
    DateTime ExportedAt,
    AccountDataUser User,
    IReadOnlyList<TaskDto> Tasks,
    IReadOnlyList<AccountDataConversation> Conversations);

public sealed record AccountDataUser(Guid UserId, string Email, DateTime CreatedAt);

public sealed record AccountDataConversation(
    Guid Id, string Title, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<MessageDto> Messages);
