using System.Text.Json;

namespace TaskChat.Web.Chat.Components;

/// <summary>Enum values as the wire spells them (snake_case), so server-rendered markup and live events agree.</summary>
public static class WireNames
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
