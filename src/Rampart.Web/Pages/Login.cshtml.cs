using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Rampart.Services.Security;
using Rampart.Web.Security;

namespace Rampart.Web.Pages;

[AllowAnonymous]
[EnableRateLimiting(SignInRateLimit.PolicyName)]
public sealed class LoginModel(UserService users) : PageModel
{
    /// <summary>The same message for an unknown user and a wrong password, so neither can be probed.</summary>
    public const string FailureMessage = "The user name or password is not correct.";

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl()) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = string.IsNullOrEmpty(UserName) || string.IsNullOrEmpty(Password)
            ? null
            : await users.VerifyAsync(UserName.Trim(), Password, cancellationToken);
        if (user is null)
        {
            Error = FailureMessage;
            Password = null;
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, RampartClaims.ForUser(user));
        return user.MustChangePassword ? Redirect(PasswordChangeMiddleware.PasswordPage) : LocalRedirect(SafeReturnUrl());
    }

    private string SafeReturnUrl() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
