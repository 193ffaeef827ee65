using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Rampart.Core.Security;

namespace Rampart.Web.Security;

/// <summary>The claims of a signed-in web user.</summary>
public static class RampartClaims
{
    /// <summary>Present while the user still has a generated password; see <see cref="PasswordChangeMiddleware"/>.</summary>
    public const string MustChangePassword = "rampart:must_change_password";

    public static ClaimsPrincipal ForUser(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName),
        ];
        if (user.IsAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, "admin"));
        }

        if (user.MustChangePassword)
        {
            claims.Add(new Claim(MustChangePassword, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>The user's id when signed in with the session cookie; null for API tokens and anonymous requests.</summary>
    public static long? UserId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme
            && long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? id
                : null;
    }
}
