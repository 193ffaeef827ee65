using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rampart.Core.Notifications;
using Rampart.Data;

namespace Rampart.Services.Delivery;

/// <summary>
/// Delivers the Notifications table (the outbox) to the configured channels. A run first plans new notifications —
/// one <see cref="NotificationDelivery"/> per channel and target — then sends what is due. Each row is claimed with a
/// conditional UPDATE before it is sent, so two nodes never send one delivery at the same time, and a delivered row
/// is never sent again. A node that dies mid-send leaves a claim that another node takes over after the lease: the
/// receiver may then see that one delivery twice (X-Rampart-Delivery / the Message-Id let it tell).
/// </summary>
public sealed class NotificationDispatcher(
    RampartDbContext db, IEnumerable<IDeliveryChannel> channels, DeliveryOptions options, TimeProvider clock, ILogger<NotificationDispatcher> logger)
{
    private readonly IReadOnlyList<IDeliveryChannel> _channels = [.. channels];

    public async Task<DispatchResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var (planned, skipped) = await PlanAsync(cancellationToken);
        var (delivered, retrying, failed) = await SendDueAsync(cancellationToken);
        return new DispatchResult(planned, skipped, delivered, retrying, failed);
    }

    private async Task<(int Planned, int Skipped)> PlanAsync(CancellationToken cancellationToken)
    {
        var waiting = await db.Notifications.AsNoTracking()
            .Where(n => n.DispatchedAt == null)
            .OrderBy(n => n.Id)
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);
        int planned = 0, skipped = 0;
        foreach (var notification in waiting)
        {
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Notifications
                .Where(n => n.Id == notification.Id && n.DispatchedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(n => n.DispatchedAt, now), cancellationToken);
            if (claimed == 0)
            {
                continue; // another node planned it
            }

            if (now - notification.CreatedAt > options.MaxAge)
            {
                await transaction.CommitAsync(cancellationToken);
                skipped++;
                continue;
            }

            foreach (var channel in _channels)
            {
                foreach (var target in (await channel.TargetsAsync(notification, cancellationToken)).DistinctBy(t => t.Target, StringComparer.OrdinalIgnoreCase))
                {
                    db.NotificationDeliveries.Add(new NotificationDelivery
                    {
                        NotificationId = notification.Id,
                        Channel = channel.Name,
                        Target = Clip(target.Target, ColumnLengths.Name),
                        Status = target.Unreachable is null ? DeliveryStatus.Pending : DeliveryStatus.Failed,
                        LastError = target.Unreachable is null ? null : Clip(target.Unreachable, ColumnLengths.Message),
                        NextAttemptAt = now,
                        CreatedAt = now,
                    });
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            planned++;
        }

        return (planned, skipped);
    }

    private async Task<(int Delivered, int Retrying, int Failed)> SendDueAsync(CancellationToken cancellationToken)
    {
        var start = clock.GetUtcNow();
        var stale = start - options.ClaimLease;
        var due = await db.NotificationDeliveries.AsNoTracking()
            .Where(d => (d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= start) || (d.Status == DeliveryStatus.Sending && d.ClaimedAt < stale))
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .Select(d => d.Id)
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);
        int delivered = 0, retrying = 0, failed = 0;
        foreach (var id in due)
        {
            var now = clock.GetUtcNow();
            var takeOverBefore = now - options.ClaimLease;
            var claimed = await db.NotificationDeliveries
                .Where(d => d.Id == id && ((d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now) || (d.Status == DeliveryStatus.Sending && d.ClaimedAt < takeOverBefore)))
                .ExecuteUpdateAsync(
                    set => set.SetProperty(d => d.Status, DeliveryStatus.Sending).SetProperty(d => d.ClaimedAt, now).SetProperty(d => d.Attempts, d => d.Attempts + 1),
                    cancellationToken);
            if (claimed == 0)
            {
                continue; // another node has it, or it was delivered meanwhile
            }

            var delivery = await db.NotificationDeliveries.SingleAsync(d => d.Id == id, cancellationToken);
            var notification = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == delivery.NotificationId, cancellationToken);
            var attempt = await AttemptAsync(notification, delivery, cancellationToken);
            var after = clock.GetUtcNow();
            delivery.ClaimedAt = null;
            if (attempt.Delivered)
            {
                delivery.Status = DeliveryStatus.Delivered;
                delivery.DeliveredAt = after;
                delivery.LastError = null;
                delivered++;
            }
            else if (attempt.Permanent || delivery.Attempts >= options.MaxAttempts)
            {
                delivery.Status = DeliveryStatus.Failed;
                delivery.LastError = Clip(attempt.Permanent ? attempt.Error! : $"{attempt.Error} (gave up after {delivery.Attempts} attempts)", ColumnLengths.Message);
                failed++;
                logger.LogWarning("Notification {Notification} was not delivered by {Channel} to {Target}: {Error}", notification.Id, delivery.Channel, delivery.Target, delivery.LastError);
            }
            else
            {
                delivery.Status = DeliveryStatus.Pending;
                delivery.LastError = Clip(attempt.Error ?? "failed", ColumnLengths.Message);
                delivery.NextAttemptAt = after + RetrySchedule.Delay(delivery.Attempts, options, attempt.RetryAfter);
                retrying++;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return (delivered, retrying, failed);
    }

    private async Task<DeliveryAttempt> AttemptAsync(Notification notification, NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        var channel = _channels.FirstOrDefault(c => c.Name == delivery.Channel);
        if (channel is null)
        {
            return DeliveryAttempt.GiveUp($"The {delivery.Channel} channel is no longer configured.");
        }

        try
        {
            return await channel.SendAsync(notification, delivery, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryAttempt.Retry($"The {delivery.Channel} attempt timed out.");
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // Exception messages of the HTTP and SMTP clients name hosts, not credentials.
            return DeliveryAttempt.Retry($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <param name="Planned">Notifications whose deliveries were planned.</param>
/// <param name="Skipped">Notifications older than MaxAge when first seen: marked, not sent.</param>
/// <param name="Delivered">Deliveries sent.</param>
/// <param name="Retrying">Deliveries that failed and wait for another attempt.</param>
/// <param name="Failed">Deliveries given up.</param>
public sealed record DispatchResult(int Planned, int Skipped, int Delivered, int Retrying, int Failed);
