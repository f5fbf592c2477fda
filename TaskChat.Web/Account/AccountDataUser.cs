namespace TaskChat.Web.Account;

public sealed record AccountDataUser(Guid UserId, string Email, DateTime CreatedAt);
