using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Rampart.Web.Remediation;

namespace Rampart.Web.Tests;

public sealed class RemediationScheduleTests
{
    [Fact]
    public async Task AddRampartRemediationSchedule_Enabled_RunsTheEscalationsEveryHourInUtc()
    {
        await using var services = new ServiceCollection().AddLogging().AddRampartRemediationSchedule(enabled: true).BuildServiceProvider();

        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        var hourly = (ICronTrigger?)await scheduler.GetTrigger(new TriggerKey("escalations-hourly", "remediation"), TestContext.Current.CancellationToken);
        var atStart = await scheduler.GetTrigger(new TriggerKey("escalations-at-start", "remediation"), TestContext.Current.CancellationToken);

        Assert.NotNull(hourly);
        Assert.Equal(("0 10 * * * ?", TimeZoneInfo.Utc.Id, EscalationJob.Key), (hourly.CronExpressionString, hourly.TimeZone.Id, hourly.JobKey));
        Assert.Equal(EscalationJob.Key, atStart?.JobKey);
        await scheduler.Shutdown(false, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AddRampartRemediationSchedule_NotEnabled_RegistersNoScheduler()
    {
        await using var services = new ServiceCollection().AddLogging().AddRampartRemediationSchedule(enabled: false).BuildServiceProvider();

        Assert.Null(services.GetService<ISchedulerFactory>());
        Assert.NotNull(services.GetService<EscalationJob>()); // the job stays callable by hand
    }
}
