using Microsoft.AspNetCore.Http.HttpResults;
using Rampart.Data;

namespace Rampart.Web.Apis;

public sealed record HealthStatus(string Status);

public static class HealthApi
{
    /// <summary><c>GET /health</c>: 200 <c>{"status":"ok"}</c> when the database answers; no sign-in needed (for load balancers).</summary>
    public static RouteHandlerBuilder MapHealthApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/health", CheckAsync)
            .AllowAnonymous()
            .WithTags("Health")
            .WithSummary("Liveness and database reachability");

    public static async Task<Results<Ok<HealthStatus>, ProblemHttpResult>> CheckAsync(RampartDbContext db, CancellationToken cancellationToken) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? TypedResults.Ok(new HealthStatus("ok"))
            : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The database cannot be reached");
}
