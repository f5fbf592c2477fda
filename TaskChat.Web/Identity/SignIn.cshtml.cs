using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TaskChat.Web.Security;

namespace TaskChat.Web.Identity;

public sealed class SignInModel(SignInManager<AppUser> signIn, CredentialCheck credentials) : PageModel
{
    [BindProperty]
    public CredentialsInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Someone already signed in has nothing to do here: on to the chat (or where they were going).</summary>
    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/chat") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await credentials.CheckAsync(Input.Email, Input.Password) is { } user)
        {
            await signIn.SignInAsync(user, isPersistent: true);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/chat");
        }

        ModelState.AddModelError(string.Empty, CredentialCheck.Refusal);
        return Page();
    }
}
