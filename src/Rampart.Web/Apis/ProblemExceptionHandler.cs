using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Rampart.Ingest;
using Rampart.Services.Imports;

namespace Rampart.Web.Apis;

/// <summary>
/// The backstop for exceptions no endpoint handled: bad reports become 400, oversized or malformed requests their
/// 4xx status; anything else is left to the default handler, which answers a bare 500 problem (never a stack trace).
/// </summary>
public sealed class ProblemExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ProblemHttpResult? problem = exception switch
        {
            ReportFormatException format => ImportProblems.From(format),
            ImportException import => ImportProblems.From(import, null),
            BadHttpRequestException bad => TypedResults.Problem(statusCode: bad.StatusCode, title: "The request could not be read", detail: bad.Message),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        await problem.ExecuteAsync(httpContext);
        return true;
    }
}
