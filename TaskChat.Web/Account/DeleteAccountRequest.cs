namespace TaskChat.Web.Account;

/// <summary>Deleting an account asks for its password again.</summary>
public sealed record DeleteAccountRequest(string? Password);
