namespace Rampart.Web.Security;

/// <summary>Sends a user who signed in with a generated one-time password to the page that replaces it, before anything else.</summary>
public sealed class PasswordChangeMiddleware(RequestDelegate next)
{
    public const string PasswordPage = "/account/password";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        if (context.User.HasClaim(RampartClaims.MustChangePassword, "true")
            && !path.StartsWithSegments(PasswordPage, StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/logout", StringComparison.OrdinalIgnoreCase))
        {
            if (RampartAuthentication.IsMachinePath(path))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
            }
            else
            {
                context.Response.Redirect(PasswordPage);
            }

            return Task.CompletedTask;
        }

        return next(context);
    }
}
