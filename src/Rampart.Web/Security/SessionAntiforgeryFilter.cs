using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Rampart.Web.Security;

/// <summary>
/// API calls made with the session cookie (from a browser) must carry an antiforgery token when they change
/// something; API-token calls need none, since a browser never adds an Authorization header on its own.
/// </summary>
public sealed class SessionAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
        if (unsafeMethod
            && http.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme
            && !await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Missing antiforgery token",
                detail: "A request signed in with the web session must carry the antiforgery token; scripts should use an API token instead.");
        }

        return await next(context);
    }
}
