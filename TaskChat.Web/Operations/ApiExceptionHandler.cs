using Microsoft.AspNetCore.Diagnostics;

namespace TaskChat.Web.Operations;

/// <summary>
/// An unexpected failure in the API or the hub's endpoints answers with a 500 ProblemDetails
/// (no exception details; those are in the log). Without it the error page re-ran the failed
/// request as a page request: a failed POST then came back as an antiforgery 400, hiding the 500.
/// Page requests are left to the error page.
/// </summary>
internal sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // The original path: by now the request has been pointed at the error page.
        var path = new PathString(context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path);
        if (!path.StartsWithSegments("/api") && !path.StartsWithSegments("/hubs"))
        {
            return false;
        }

        await TypedResults.Problem(
            title: "Something went wrong on our side. Try again in a moment.",
            statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context);
        return true;
    }
}
