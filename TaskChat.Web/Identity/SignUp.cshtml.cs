using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TaskChat.Web.Identity;

public sealed class SignUpModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public CredentialsInput Input { get; set; } = new();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = new AppUser { UserName = Input.Email.Trim(), Email = Input.Email.Trim() };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var (field, messages) in IdentityErrors.ToDictionary(result))
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

public sealed class CredentialsInput
{
    [Required(ErrorMessage = "Enter your email.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(256, ErrorMessage = "An email can be at most 256 characters.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter a password.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}
