using Quartz;

namespace Rampart.Web.Feeds;

/// <summary>Registers the feed schedule with Quartz.NET when <see cref="FeedScheduleOptions.Enabled"/> is set.</summary>
public static class FeedSchedule
{
    public static IServiceCollection AddRampartFeedSchedule(this IServiceCollection services, FeedScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddTransient<FeedUpdateJob>();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddQuartz(quartz =>
        {
            // In memory for now: each node keeps its own schedule. The roadmap (DESIGN.md, "Outgrowing one machine")
            // moves this to Quartz's clustered ADO.NET store in PostgreSQL — UsePersistentStore(store =>
            // { store.UsePostgres(...); store.UseClustering(); }) — so each job runs once across the cluster.
            quartz.UseInMemoryStore();
            quartz.AddJob<FeedUpdateJob>(job => job.WithIdentity(FeedUpdateJob.Key).WithDescription("Update the EPSS and KEV feeds"));
            quartz.AddTrigger(trigger => trigger
                .ForJob(FeedUpdateJob.Key)
                .WithIdentity("feed-update-daily", "feeds")
                .WithCronSchedule(options.Cron, cron => cron.InTimeZone(TimeZoneInfo.Utc)));
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }
}
