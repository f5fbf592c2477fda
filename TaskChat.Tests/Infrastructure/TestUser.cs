using System.Net.Http.Headers;

namespace TaskChat.Tests.Infrastructure;

/// <summary>A registered account and a JWT issued for it by <c>POST /api/v1/auth/token</c>.</summary>
public sealed record TestUser(string Email, string Password, Guid UserId, string AccessToken)
{
    /// <summary>A unique email and a password that passes the app's rule (10+ characters).</summary>
    public static (string Email, string Password) NewCredentials() =>
        ($"user-{Guid.NewGuid():N}@test.example", $"pw-{Guid.NewGuid():N}");
}

/// <summary>Attaches <c>Authorization: Bearer &lt;jwt&gt;</c> to every request.</summary>
public sealed class BearerTokenHandler(string token) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return base.SendAsync(request, cancellationToken);
    }
}
