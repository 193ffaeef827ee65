using Quartz;
using Rampart.Services.Policies;
using Rampart.Web.Feeds;

namespace Rampart.Web.Policies;

/// <summary>The policy's daily checks (<see cref="PolicyChecks"/>): reminders, review notices, scope gaps, expired exceptions.</summary>
[DisallowConcurrentExecution]
public sealed class PolicyCheckJob(IServiceScopeFactory scopes, ILogger<PolicyCheckJob> logger) : LoggedJob(logger)
{
    public static readonly JobKey Key = new("policy-checks", "policy");

    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<PolicyChecks>().RunAsync(cancellationToken);
        logger.LogInformation(
            "Policy checks: {Raised} significant changes raised, {Reminded} acknowledgement reminders, {Review} review notices, {Ended} exceptions ended",
            result.SignificantChangesRaised, result.AcknowledgementReminders, result.ReviewNotices, result.ExemptionsEnded);
    }
}

/// <summary>Runs <see cref="PolicyCheckJob"/> every day at 06:30 UTC (and once shortly after start, so a restart does not skip a day).</summary>
public static class PolicySchedule
{
    public static IServiceCollection AddRampartPolicySchedule(this IServiceCollection services, bool enabled)
    {
        services.AddTransient<PolicyCheckJob>();
        if (!enabled)
        {
            return services;
        }

        services.AddQuartz(quartz =>
        {
            quartz.AddJob<PolicyCheckJob>(job => job.WithIdentity(PolicyCheckJob.Key).WithDescription("The TVM policy's daily checks"));
            quartz.AddTrigger(trigger => trigger
                .ForJob(PolicyCheckJob.Key)
                .WithIdentity("policy-checks-daily", "policy")
                .WithCronSchedule("0 30 6 * * ?", cron => cron.InTimeZone(TimeZoneInfo.Utc)));
            quartz.AddTrigger(trigger => trigger
                .ForJob(PolicyCheckJob.Key)
                .WithIdentity("policy-checks-at-start", "policy")
                .StartAt(DateTimeOffset.UtcNow.AddMinutes(2)));
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }
}
