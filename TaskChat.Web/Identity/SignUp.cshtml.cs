using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TaskChat.Web.Identity;

public sealed class SignUpModel(AccountRegistration registration, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public CredentialsInput Input { get; set; } = new();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
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
