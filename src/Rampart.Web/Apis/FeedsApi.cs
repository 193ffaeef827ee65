using Rampart.Services.Feeds;

namespace Rampart.Web.Apis;

public static class FeedsApi
{
    public static RouteGroupBuilder MapFeedsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/feeds").WithTags("Feeds");
        group.MapGet("/", async (FeedQueries feeds, CancellationToken cancellationToken) => TypedResults.Ok(await feeds.ListStatusAsync(cancellationToken)))
            .WithSummary("The EPSS and KEV feeds: source, version, records, last check and last change");
        return group;
    }
}
