using Quartz;
using Rampart.Services.Feeds;

namespace Rampart.Web.Feeds;

/// <summary>
/// The daily feed update: EPSS, then KEV, from the configured locations, each in its own scope and transaction; one
/// feed failing does not stop the other. Never two at once on a node; across nodes once the job store is clustered.
/// </summary>
[DisallowConcurrentExecution]
public sealed class FeedUpdateJob(IServiceScopeFactory scopes, FeedScheduleOptions options, ILogger<FeedUpdateJob> logger) : LoggedJob(logger)
{
    public static readonly JobKey Key = new("feed-update", "feeds");

    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        var update = new FeedUpdateOptions(options.Offline);
        var failed = new List<Exception>();
        foreach (var feed in new Func<FeedUpdateService, Task<FeedUpdateResult>>[]
        {
            service => service.UpdateEpssAsync(options.Epss, update, cancellationToken),
            service => service.UpdateKevAsync(options.Kev, update, cancellationToken),
        })
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await feed(scope.ServiceProvider.GetRequiredService<FeedUpdateService>());
                logger.LogInformation("Scheduled {Feed} update: {Message}", result.Feed, result.Message);
            }
            catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
            {
                failed.Add(ex);
            }
        }

        if (failed.Count > 0)
        {
            throw new AggregateException("A scheduled feed update failed.", failed);
        }
    }
}
