using Quartz;
using Rampart.Services.Workflow;
using Rampart.Web.Feeds;

namespace Rampart.Web.Remediation;

/// <summary>
/// The remediation clock's hourly check: ends risk acceptances whose time is up (their findings reopen,
/// <see cref="RiskAcceptanceService.ExpireAsync"/>), then executes the escalation chain of the policy in force
/// (<see cref="EscalationService"/>), so a reopened finding that is past due is escalated in the same run.
/// </summary>
[DisallowConcurrentExecution]
public sealed class EscalationJob(IServiceScopeFactory scopes, ILogger<EscalationJob> logger) : LoggedJob(logger)
{
    public static readonly JobKey Key = new("escalations", "remediation");

    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var expired = await scope.ServiceProvider.GetRequiredService<RiskAcceptanceService>().ExpireAsync(cancellationToken);
        var result = await scope.ServiceProvider.GetRequiredService<EscalationService>().RunAsync(cancellationToken);
        logger.LogInformation("Remediation checks under {Policy}: {Expired} risk acceptances ended, {Fired} escalation steps fired", result.Policy, expired, result.Fired);
    }
}

/// <summary>Runs <see cref="EscalationJob"/> every hour at minute 10 (and once shortly after start).</summary>
public static class RemediationSchedule
{
    public static IServiceCollection AddRampartRemediationSchedule(this IServiceCollection services, bool enabled)
    {
        services.AddTransient<EscalationJob>();
        if (!enabled)
        {
            return services;
        }

        services.AddQuartz(quartz =>
        {
            quartz.AddJob<EscalationJob>(job => job.WithIdentity(EscalationJob.Key).WithDescription("The escalation chain of the policy in force"));
            quartz.AddTrigger(trigger => trigger
                .ForJob(EscalationJob.Key)
                .WithIdentity("escalations-hourly", "remediation")
                .WithCronSchedule("0 10 * * * ?", cron => cron.InTimeZone(TimeZoneInfo.Utc)));
            quartz.AddTrigger(trigger => trigger
                .ForJob(EscalationJob.Key)
                .WithIdentity("escalations-at-start", "remediation")
                .StartAt(DateTimeOffset.UtcNow.AddMinutes(3)));
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }
}
