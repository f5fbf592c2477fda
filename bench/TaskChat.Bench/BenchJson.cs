using System.Text.Json;

namespace TaskChat.Bench;

/// <summary>JSON between the driver and its server processes.</summary>
internal static class BenchJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
