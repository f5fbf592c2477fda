using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TaskChat.Web;

/// <summary>The page a person sees for an error status: words, not a ProblemDetails document.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel : PageModel
{
    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    // Re-executed for the failed request's own method, so a form post that ends in a 404 lands here too.
    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Heading, Explanation) = code switch
        {
            StatusCodes.Status404NotFound => ("Page not found", "There is nothing here. The conversation or page may have been deleted, or the address is mistyped."),
            StatusCodes.Status403Forbidden => ("Not allowed", "This page is not available to your account."),
            StatusCodes.Status429TooManyRequests => ("Slow down a little", "Too many requests in a short time. Wait a moment and try again."),
            >= 500 => ("Something went wrong", "The error was logged. Try again in a moment."),
            _ => ("That did not work", $"The request could not be completed (status {code})."),
        };
    }
}
