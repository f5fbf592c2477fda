namespace TaskChat.Tests.Infrastructure.Clients;

/// <summary>A registered account and a JWT issued for it by <c>POST /api/v1/auth/token</c>.</summary>
public sealed record TestUser(string Email, string Password, Guid UserId, string AccessToken)
{
    /// <summary>A unique email and a password that passes the app's rule (10+ characters).</summary>
    public static (string Email, string Password) NewCredentials() =>
        ($"user-{Guid.NewGuid():N}@test.example", $"pw-{Guid.NewGuid():N}");
}
