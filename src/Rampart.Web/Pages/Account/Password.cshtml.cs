using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rampart.Services.Security;
using Rampart.Web.Security;

namespace Rampart.Web.Pages.Account;

public sealed class PasswordModel(UserService users) : PageModel
{
    public const int MinimumLength = 12;

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool MustChange => User.HasClaim(RampartClaims.MustChangePassword, "true");

    public string? Error { get; private set; }

    public bool Changed => Request.Query.ContainsKey("changed");

    public IActionResult OnGet() => User.UserId() is null ? Forbid() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId || User.Identity?.Name is not { } userName)
        {
            return Forbid();
        }

        Error = (NewPassword, ConfirmPassword) switch
        {
            (null or { Length: < MinimumLength }, _) => $"The new password needs at least {MinimumLength} characters.",
            (var first, var second) when first != second => "The two new passwords are not the same.",
            (var first, _) when first == CurrentPassword => "The new password must differ from the current one.",
            _ => null,
        };
        var user = Error is null ? await users.VerifyAsync(userName, CurrentPassword ?? "", cancellationToken) : null;
        if (Error is null && user is null)
        {
            Error = "The current password is not correct.";
        }

        if (Error is not null)
        {
            return Page();
        }

        try
        {
            await users.ChangePasswordAsync(userId, NewPassword!, cancellationToken);
        }
        catch (ArgumentException refused)
        {
            Error = refused.Message;
            return Page();
        }

        user!.MustChangePassword = false;
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, RampartClaims.ForUser(user));
        return MustChange ? Redirect("/") : RedirectToPage(new { changed = true });
    }
}
