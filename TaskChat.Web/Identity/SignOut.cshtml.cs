using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TaskChat.Web.Identity;

/// <summary>GET asks, POST signs out: a link or an image tag cannot sign anyone out.</summary>
public sealed class SignOutModel(SignInManager<AppUser> signIn) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/signin");
    }
}
