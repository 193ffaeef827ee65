using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rampart.Core.Findings;
using Rampart.Core.Tickets;
using Rampart.Data;
using Rampart.Services.Delivery;

namespace Rampart.Services.Tickets;

/// <summary>
/// Keeps each tracker's tickets in step with the findings, both ways. First the tickets' states are read back: a
/// ticket a person closed while its finding is open is recorded and handed to <see cref="ITicketClosedHandler"/>.
/// Then each finding is pushed: an open finding of the configured priority gets a ticket; a changed title, priority,
/// due date or description is written; a closed finding closes its ticket and a reopened one reopens it — except a
/// ticket a person closed, which stays closed until the finding's status changes after that.
/// </summary>
public sealed class TicketSync(
    RampartDbContext db, IEnumerable<ITicketTracker> trackers, ITicketClosedHandler closedHandler, DeliveryOptions options, TimeProvider clock, ILogger<TicketSync> logger)
{
    private readonly IReadOnlyList<ITicketTracker> _trackers = [.. trackers];

    public async Task<TicketSyncResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var result = new TicketSyncResult();
        foreach (var tracker in _trackers)
        {
            await PollAsync(tracker, result, cancellationToken);
        }

        var ticketed = db.FindingTickets.Select(t => t.FindingId);
        var urgent = Enum.GetValues<Priority>().Where(p => p <= options.Tickets.MinimumPriority).ToList();
        var findingIds = await db.Findings.AsNoTracking()
            .Where(f => (f.Status == FindingStatus.Open && urgent.Contains(f.Priority)) || ticketed.Contains(f.Id))
            .OrderBy(f => f.Id).Select(f => f.Id).ToListAsync(cancellationToken);
        foreach (var id in findingIds)
        {
            await SyncFindingAsync(id, result, cancellationToken);
        }

        return result;
    }

    /// <summary>Pushes one finding to every tracker (the workflow may call this right after a change).</summary>
    public async Task<TicketSyncResult> SyncFindingAsync(long findingId, CancellationToken cancellationToken = default)
    {
        var result = new TicketSyncResult();
        await SyncFindingAsync(findingId, result, cancellationToken);
        return result;
    }

    private async Task SyncFindingAsync(long findingId, TicketSyncResult result, CancellationToken cancellationToken)
    {
        foreach (var tracker in _trackers)
        {
            try
            {
                await PushAsync(tracker, findingId, result, cancellationToken);
            }
            catch (Exception ex) when (ex is TicketTrackerException or HttpRequestException || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                result.Failed++;
                logger.LogWarning("Ticket sync of finding {Finding} with {System} failed: {Error}", findingId, tracker.System, ex.Message);
            }
            catch (DbUpdateException ex)
            {
                // Another node recorded a ticket for this finding first (unique per finding and system).
                result.Failed++;
                logger.LogWarning(ex, "Ticket of finding {Finding} in {System} was recorded by another node meanwhile", findingId, tracker.System);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task PushAsync(ITicketTracker tracker, long findingId, TicketSyncResult result, CancellationToken cancellationToken)
    {
        var finding = await db.Findings.AsNoTracking().Include(f => f.Asset).SingleOrDefaultAsync(f => f.Id == findingId, cancellationToken);
        if (finding is null)
        {
            return;
        }

        var content = TicketContent.From(finding, options.AbsoluteLink($"/findings/{finding.Id}"));
        var hash = content.Hash();
        var now = clock.GetUtcNow();
        var open = finding.Status == FindingStatus.Open;
        var ticket = await db.FindingTickets.SingleOrDefaultAsync(t => t.FindingId == findingId && t.System == tracker.System, cancellationToken);
        if (ticket is null)
        {
            if (!open || finding.Priority > options.Tickets.MinimumPriority)
            {
                return;
            }

            var created = await tracker.CreateAsync(content, cancellationToken);
            db.FindingTickets.Add(new FindingTicket
            {
                FindingId = findingId,
                System = tracker.System,
                Key = created.Key,
                Url = created.Url,
                State = TicketState.Open,
                ContentHash = hash,
                CreatedAt = now,
                LastSyncedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            result.Created++;
            return;
        }

        if (ticket.ContentHash != hash)
        {
            await tracker.UpdateAsync(ticket.Key, content, cancellationToken);
            ticket.ContentHash = hash;
            result.Updated++;
        }

        if (!open && ticket.State == TicketState.Open)
        {
            await tracker.SetStateAsync(ticket.Key, TicketState.Closed, cancellationToken);
            ticket.State = TicketState.Closed;
            result.Closed++;
        }
        else if (open && ticket.State == TicketState.Closed && (ticket.ClosedExternallyAt is not { } closedAt || finding.StatusChangedAt > closedAt))
        {
            await tracker.SetStateAsync(ticket.Key, TicketState.Open, cancellationToken);
            ticket.State = TicketState.Open;
            ticket.ClosedExternallyAt = null;
            ticket.ClosedBy = null;
            result.Reopened++;
        }

        ticket.LastSyncedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Reads back the tickets Rampart believes open; one a person closed is recorded, then handed on.</summary>
    private async Task PollAsync(ITicketTracker tracker, TicketSyncResult result, CancellationToken cancellationToken)
    {
        var open = await db.FindingTickets.AsNoTracking()
            .Where(t => t.System == tracker.System && t.State == TicketState.Open)
            .OrderBy(t => t.Id).ToListAsync(cancellationToken);
        foreach (var known in open)
        {
            RemoteTicket remote;
            try
            {
                remote = await tracker.GetAsync(known.Key, cancellationToken);
            }
            catch (Exception ex) when (ex is TicketTrackerException or HttpRequestException || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                result.Failed++;
                logger.LogWarning("Reading {System} ticket {Key} failed: {Error}", tracker.System, known.Key, ex.Message);
                continue;
            }

            if (remote.State != TicketState.Closed)
            {
                continue;
            }

            var now = clock.GetUtcNow();
            var closedBy = remote.ClosedBy is { Length: > ColumnLengths.Name } name ? name[..ColumnLengths.Name] : remote.ClosedBy;
            var marked = await db.FindingTickets
                .Where(t => t.Id == known.Id && t.State == TicketState.Open)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(t => t.State, TicketState.Closed).SetProperty(t => t.ClosedExternallyAt, now)
                        .SetProperty(t => t.ClosedBy, closedBy).SetProperty(t => t.LastSyncedAt, now),
                    cancellationToken);
            if (marked == 0)
            {
                continue; // another node saw it first
            }

            var findingOpen = await db.Findings.AnyAsync(f => f.Id == known.FindingId && f.Status == FindingStatus.Open, cancellationToken);
            if (findingOpen)
            {
                await closedHandler.TicketClosedAsync(known.FindingId, tracker.System, known.Key, closedBy, cancellationToken);
                result.ClosedInTracker++;
            }
        }
    }
}

/// <summary>What a sync did.</summary>
public sealed class TicketSyncResult
{
    public int Created { get; set; }

    public int Updated { get; set; }

    public int Closed { get; set; }

    public int Reopened { get; set; }

    /// <summary>Tickets a person closed while their finding was open (handed to <see cref="ITicketClosedHandler"/>).</summary>
    public int ClosedInTracker { get; set; }

    public int Failed { get; set; }

    public override string ToString() =>
        $"{Created} created, {Updated} updated, {Closed} closed, {Reopened} reopened, {ClosedInTracker} closed in the tracker, {Failed} failed";
}
