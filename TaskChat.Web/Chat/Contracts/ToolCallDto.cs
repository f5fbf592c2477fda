using System.Text.Json;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Contracts;

/// <summary>
/// A stored tool call. <see cref="Label"/> and <see cref="Summary"/> (additions to the contract)
/// are what its card says, in a person's words.
/// </summary>
public sealed record ToolCallDto(
    Guid Id, string Name, JsonElement Arguments, JsonElement? Result, ToolCallStatus Status, string? Label = null, string? Summary = null);
