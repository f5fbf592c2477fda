using System.Text.Json;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Contracts;

public sealed record ToolCallDto(Guid Id, string Name, JsonElement Arguments, JsonElement? Result, ToolCallStatus Status);
