namespace TaskChat.Web.Chat.Contracts;

/// <summary><c>PUT /api/v1/conversations/{id}/branch</c>: the branch through this message becomes current.</summary>
public sealed record SwitchBranchRequest(Guid? MessageId);
