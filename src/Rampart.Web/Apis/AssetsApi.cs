using Rampart.Services.Findings;

namespace Rampart.Web.Apis;

public static class AssetsApi
{
    public static RouteGroupBuilder MapAssetsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/assets").WithTags("Assets");
        group.MapGet("/", async (FindingQueries findings, CancellationToken cancellationToken) => TypedResults.Ok(await findings.ListAssetsAsync(cancellationToken)))
            .WithSummary("List assets with their open finding counts");
        return group;
    }
}
