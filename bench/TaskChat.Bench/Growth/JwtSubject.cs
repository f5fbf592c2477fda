using System.Text;
using System.Text.Json;

namespace TaskChat.Bench.Growth;

/// <summary>The user id a JWT names (its "sub"), so rows can be inserted for the account the token signs in.</summary>
internal static class JwtSubject
{
    public static Guid Of(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return Guid.Parse(json.RootElement.GetProperty("sub").GetString()!);
    }
}
