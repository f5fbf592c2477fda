using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Account;

/// <summary>
/// The account page. Each form posts to its own handler and reports back on this page; the
/// data download is a link to <c>GET /api/v1/me/data</c>, which the cookie opens as well.
/// </summary>
[Authorize]
public sealed class AccountPageModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountService account) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? DeletePassword { get; set; }

    [TempData]
    public string? Status { get; set; }

    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Email = user.Email ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await account.ChangePasswordAsync(user, CurrentPassword, NewPassword) is { } errors)
        {
            foreach (var (field, messages) in errors)
            {
                ModelState.AddModelError(field == "current_password" ? nameof(CurrentPassword) : nameof(NewPassword), string.Join(" ", messages));
            }

            Email = user.Email ?? "";
            return Page();
        }

        // The stamp changed: this browser gets a fresh cookie, every other session ends.
        await signIn.RefreshSignInAsync(user);
        Status = "Your password was changed. Other browsers and every earlier API token are signed out.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await account.SignOutEverywhereAsync(user);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/signin");
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await account.DeleteAsync(user, DeletePassword))
        {
            ModelState.AddModelError(nameof(DeletePassword), "The password is incorrect. Nothing was deleted.");
            Email = user.Email ?? "";
            return Page();
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/account/deleted");
    }
}
