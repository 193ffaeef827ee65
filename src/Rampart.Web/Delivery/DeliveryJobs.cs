using Quartz;
using Rampart.Services.Delivery;
using Rampart.Services.Tickets;
using Rampart.Web.Feeds;

namespace Rampart.Web.Delivery;

/// <summary>Delivers new notifications and due retries (<see cref="NotificationDispatcher"/>).</summary>
[DisallowConcurrentExecution]
public sealed class NotificationDeliveryJob(IServiceScopeFactory scopes, ILogger<NotificationDeliveryJob> logger) : LoggedJob(logger)
{
    public static readonly JobKey Key = new("notification-delivery", "delivery");

    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().RunAsync(cancellationToken);
        if (result.Planned + result.Delivered + result.Retrying + result.Failed > 0)
        {
            logger.LogInformation(
                "Notification delivery: {Planned} planned, {Delivered} delivered, {Retrying} to retry, {Failed} given up",
                result.Planned, result.Delivered, result.Retrying, result.Failed);
        }
    }
}

/// <summary>Syncs findings and their tickets both ways (<see cref="TicketSync"/>).</summary>
[DisallowConcurrentExecution]
public sealed class TicketSyncJob(IServiceScopeFactory scopes, ILogger<TicketSyncJob> logger) : LoggedJob(logger)
{
    public static readonly JobKey Key = new("ticket-sync", "delivery");

    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TicketSync>().RunAsync(cancellationToken);
        logger.LogInformation("Ticket sync: {Result}", result);
    }
}

/// <summary>
/// Runs <see cref="NotificationDeliveryJob"/> every <c>Rampart:Delivery:Interval</c> and, when a tracker is configured,
/// <see cref="TicketSyncJob"/> every <c>Rampart:Delivery:Tickets:Interval</c> — only when <c>Rampart:Delivery:Enabled</c>.
/// </summary>
public static class DeliverySchedule
{
    public static IServiceCollection AddRampartDeliverySchedule(this IServiceCollection services, DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddTransient<NotificationDeliveryJob>();
        services.AddTransient<TicketSyncJob>();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddQuartz(quartz =>
        {
            quartz.AddJob<NotificationDeliveryJob>(job => job.WithIdentity(NotificationDeliveryJob.Key).WithDescription("Deliver notifications by e-mail and webhooks"));
            quartz.AddTrigger(trigger => trigger
                .ForJob(NotificationDeliveryJob.Key)
                .WithIdentity("notification-delivery-interval", "delivery")
                .StartNow()
                .WithSimpleSchedule(every => every.WithInterval(options.Interval).RepeatForever()));
            if (options.Tickets.IsConfigured)
            {
                quartz.AddJob<TicketSyncJob>(job => job.WithIdentity(TicketSyncJob.Key).WithDescription("Sync findings with GitHub Issues / Jira"));
                quartz.AddTrigger(trigger => trigger
                    .ForJob(TicketSyncJob.Key)
                    .WithIdentity("ticket-sync-interval", "delivery")
                    .StartNow()
                    .WithSimpleSchedule(every => every.WithInterval(options.Tickets.Interval).RepeatForever()));
            }
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }
}
