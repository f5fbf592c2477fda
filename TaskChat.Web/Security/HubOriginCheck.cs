namespace TaskChat.Web.Security;

/// <summary>
/// Refuses a hub request (negotiate, the WebSocket handshake, the SSE and long-polling
/// requests) that a browser sent from a page of another origin. A page on another port of the
/// same host is same-site, so the SameSite=Lax cookie rides along, and a WebSocket is not
/// covered by CORS: without this check such a page could chat as the signed-in user. Allowed
/// are the app's own origin (scheme and host of the request, after the forwarded-headers step)
/// and the origins in CORS_ORIGINS. A request with no Origin header does not come from a
/// browser page (a script with a JWT) and passes.
/// </summary>
internal sealed class HubOriginCheck(RequestDelegate next, IReadOnlySet<string> allowed)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/hubs") && request.Headers.Origin is [{ } origin, ..] && !IsAllowed(request, origin))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        return next(context);
    }

    private bool IsAllowed(HttpRequest request, string origin) =>
        string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase)
        || allowed.Contains(origin.TrimEnd('/'));

    public static IReadOnlySet<string> Normalize(IEnumerable<string> origins) =>
        origins.Select(origin => origin.Trim().TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
