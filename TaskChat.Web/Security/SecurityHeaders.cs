namespace TaskChat.Web.Security;

/// <summary>
/// Headers on every response, pages, API, static files and error pages alike. Set when the
/// response starts, so that a handler that cleared the headers (the exception handler does)
/// or set a weaker value (antiforgery sends X-Frame-Options SAMEORIGIN) cannot leave a page
/// without them. The pages load only their own scripts (ES modules and the SignalR client
/// under /lib) and styles, so the policy allows nothing inline and nothing from elsewhere.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
