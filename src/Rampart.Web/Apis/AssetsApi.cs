using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rampart.Services.Findings;

namespace Rampart.Web.Apis;

public static class AssetsApi
{
    public static RouteGroupBuilder MapAssetsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/assets").WithTags("Assets");
        group.MapGet("/", async (FindingQueries findings, CancellationToken cancellationToken) => TypedResults.Ok(await findings.ListAssetsAsync(cancellationToken)))
            .WithSummary("List assets with their open finding counts");
        group.MapGet("/{id:long}", GetAsync)
            .WithSummary("One asset with its model card, sources and the size of its component inventory");
        group.MapGet("/{id:long}/components", ListComponentsAsync)
            .WithSummary("The asset's component inventory from its SBOMs, one page at a time")
            .WithDescription($"Sorted by name, then version. page (from 1), pageSize (1..{AssetQueries.MaxPageSize}, default {AssetQueries.DefaultPageSize}).");
        return group;
    }

    public static async Task<Results<Ok<AssetDetail>, ProblemHttpResult>> GetAsync(long id, AssetQueries assets, CancellationToken cancellationToken) =>
        await assets.GetAsync(id, cancellationToken) is { } asset ? TypedResults.Ok(asset) : NoSuchAsset(id);

    public static async Task<Results<Ok<PageOf<ComponentView>>, ValidationProblem, ProblemHttpResult>> ListComponentsAsync(
        long id,
        [FromQuery] string? page,
        [FromQuery] string? pageSize,
        AssetQueries assets,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var pageNumber = FindingListQuery.ParseInt(page, "page", 1, int.MaxValue, errors) ?? 1;
        var size = FindingListQuery.ParseInt(pageSize, "pageSize", 1, AssetQueries.MaxPageSize, errors) ?? AssetQueries.DefaultPageSize;
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await assets.ListComponentsAsync(id, pageNumber, size, cancellationToken) is { } components
            ? TypedResults.Ok(components)
            : NoSuchAsset(id);
    }

    private static ProblemHttpResult NoSuchAsset(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such asset", detail: $"There is no asset {id}.");
}
