using System.Net.Http.Headers;

namespace TaskChat.Tests.Infrastructure.Clients;

/// <summary>Attaches <c>Authorization: Bearer &lt;jwt&gt;</c> to every request.</summary>
public sealed class BearerTokenHandler(string token) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return base.SendAsync(request, cancellationToken);
    }
}
