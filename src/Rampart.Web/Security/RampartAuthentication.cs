using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Rampart.Web.Security;

/// <summary>
/// Two ways in: an API token (<c>Authorization: Bearer rpt_…</c>, scheme <see cref="ApiTokenAuthenticationHandler.SchemeName"/>)
/// or the web session cookie. A policy scheme picks the token scheme whenever an Authorization header is present.
/// Everything requires a signed-in user unless it says <c>AllowAnonymous</c>.
/// </summary>
public static class RampartAuthentication
{
    public const string SchemeName = "Rampart";

    public const string CookieName = "rampart.session";

    public static IServiceCollection AddRampartAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "API token or session cookie", policy => policy.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // always Secure behind HTTPS
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/login";
                cookie.LogoutPath = "/logout";
                cookie.AccessDeniedPath = "/login";
                cookie.Events.OnRedirectToLogin = context => StatusInsteadOfRedirectForApi(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => StatusInsteadOfRedirectForApi(context, StatusCodes.Status403Forbidden);
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    /// <summary>Machine paths (the API and its OpenAPI document) answer 401/403; people are sent to the sign-in page.</summary>
    public static bool IsMachinePath(PathString path) =>
        path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    private static Task StatusInsteadOfRedirectForApi(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsMachinePath(context.Request.Path))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
