using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Rampart.Web.Feeds;

namespace Rampart.Web.Tests;

public sealed class FeedScheduleTests
{
    [Fact]
    public async Task AddRampartFeedSchedule_Enabled_SchedulesTheDailyJobInUtc()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rampart:Feeds:Enabled"] = "true",
            ["Rampart:Feeds:Epss"] = "/data/epss.csv.gz",
        }).Build();
        var options = FeedScheduleOptions.From(configuration);
        await using var services = new ServiceCollection().AddLogging().AddRampartFeedSchedule(options).BuildServiceProvider();

        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        var trigger = (ICronTrigger?)await scheduler.GetTrigger(new TriggerKey("feed-update-daily", "feeds"), TestContext.Current.CancellationToken);

        Assert.Equal(("/data/epss.csv.gz", null, false), (options.Epss, options.Kev, options.Offline));
        Assert.NotNull(trigger);
        Assert.Equal(("0 0 6 * * ?", TimeZoneInfo.Utc.Id), (trigger.CronExpressionString, trigger.TimeZone.Id));
        Assert.Equal(FeedUpdateJob.Key, trigger.JobKey);
        await scheduler.Shutdown(false, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AddRampartFeedSchedule_NotEnabled_RegistersNoScheduler()
    {
        var options = FeedScheduleOptions.From(new ConfigurationBuilder().Build());
        await using var services = new ServiceCollection().AddLogging().AddRampartFeedSchedule(options).BuildServiceProvider();

        Assert.False(options.Enabled);
        Assert.Null(services.GetService<ISchedulerFactory>());
    }
}
