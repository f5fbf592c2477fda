using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TaskChat.Web.Identity;

public sealed class SignUpModel(AccountRegistration registration, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public CredentialsInput Input { get; set; } = new();

    /// <summary>Someone already signed in has an account: on to the chat.</summary>
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect("/chat") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            // Every problem at once: the password's rules too, not only the email's format.
            if (!string.IsNullOrEmpty(Input.Password) && ModelState["Input.Password"]?.Errors.Count is null or 0)
            {
                foreach (var message in await registration.PasswordErrorsAsync(Input.Password))
                {
                    ModelState.AddModelError("Input.Password", message);
                }
            }

            return Page();
        }

        var result = await registration.RegisterAsync(Input.Email, Input.Password);
        if (result.User is not { } user)
        {
            foreach (var (field, messages) in result.Errors)
            {
                var key = field == "password" ? "Input.Password" : "Input.Email";
                foreach (var message in messages)
                {
                    ModelState.AddModelError(key, message);
                }
            }

            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: true);
        return LocalRedirect("/chat");
    }
}
