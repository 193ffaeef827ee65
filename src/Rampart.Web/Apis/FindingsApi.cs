using Microsoft.AspNetCore.Http.HttpResults;
using Rampart.Services.Findings;

namespace Rampart.Web.Apis;

public static class FindingsApi
{
    public static RouteGroupBuilder MapFindingsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/findings").WithTags("Findings");
        group.MapGet("/", ListAsync)
            .WithSummary("List findings, one page at a time")
            .WithDescription("Filters: asset, status, priority (P1..P4), severity, q (text), overdue (true|false). "
                + "sort: priority|severity|dueDate|lastSeen|firstSeen|title|asset, desc: true|false, page (from 1), pageSize (1..500, default 50).");
        group.MapGet("/{id:long}", GetAsync)
            .WithSummary("One finding with its priority reasons and observations");
        return group;
    }

    public static async Task<Results<Ok<PageOf<FindingSummary>>, ValidationProblem>> ListAsync(
        [AsParameters] FindingListQuery query,
        FindingQueries findings,
        CancellationToken cancellationToken)
    {
        var filter = query.ToFilter(out var errors);
        if (filter is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await findings.ListAsync(filter, cancellationToken));
    }

    public static async Task<Results<Ok<FindingDetail>, ProblemHttpResult>> GetAsync(long id, FindingQueries findings, CancellationToken cancellationToken) =>
        await findings.GetAsync(id, cancellationToken) is { } finding
            ? TypedResults.Ok(finding)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such finding", detail: $"There is no finding {id}.");
}
