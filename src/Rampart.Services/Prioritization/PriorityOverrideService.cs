using Microsoft.EntityFrameworkCore;
using Rampart.Core.Findings;
using Rampart.Core.Prioritization;
using Rampart.Data;
using Rampart.Services.Policies;

namespace Rampart.Services.Prioritization;

/// <summary>
/// A person sets a finding's priority with a justification, or clears it: recorded with who and when, logged as a
/// priority change, shown beside the computed priority (which Rampart keeps deciding underneath).
/// </summary>
public sealed class PriorityOverrideService(
    RampartDbContext db, TimeProvider clock, PolicyTermsCache policy, IEnumerable<IPriorityChangeListener> listeners)
{
    public const int MinimumJustification = 10;

    /// <exception cref="PrioritizationException">The finding does not exist or the justification is missing or too long.</exception>
    public async Task<PriorityChange> SetAsync(long findingId, Priority priority, string? justification, string user, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        if (!Enum.IsDefined(priority))
        {
            throw new PrioritizationException($"'{priority}' is not a priority: use P1, P2, P3 or P4.");
        }

        var text = justification?.Trim() ?? "";
        if (text.Length < MinimumJustification)
        {
            throw new PrioritizationException($"An override needs a justification of at least {MinimumJustification} characters saying why.");
        }

        if (text.Length > ColumnLengths.Message)
        {
            throw new PrioritizationException($"The justification is longer than {ColumnLengths.Message} characters.");
        }

        var finding = await FindAsync(findingId, cancellationToken);
        var now = clock.GetUtcNow();
        var change = await ChangeAsync(finding, priority, now, user, text, cancellationToken);
        finding.PriorityOverride = priority;
        finding.PriorityOverrideReason = text;
        finding.PriorityOverrideBy = user.Length <= ColumnLengths.Name ? user : user[..ColumnLengths.Name];
        finding.PriorityOverrideAt = now;
        return await SaveAsync(change, cancellationToken);
    }

    /// <summary>Returns the finding to its computed priority.</summary>
    /// <exception cref="PrioritizationException">The finding does not exist or has no override.</exception>
    public async Task<PriorityChange> ClearAsync(long findingId, string user, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        var finding = await FindAsync(findingId, cancellationToken);
        if (finding.PriorityOverride is null)
        {
            throw new PrioritizationException($"Finding {findingId} has no priority override to clear.");
        }

        var change = await ChangeAsync(finding, finding.ComputedPriority, clock.GetUtcNow(), user, "override cleared: back to the computed priority", cancellationToken);
        finding.PriorityOverride = null;
        finding.PriorityOverrideReason = null;
        finding.PriorityOverrideBy = null;
        finding.PriorityOverrideAt = null;
        return await SaveAsync(change, cancellationToken);
    }

    private async Task<Finding> FindAsync(long findingId, CancellationToken cancellationToken) =>
        await db.Findings.SingleOrDefaultAsync(f => f.Id == findingId, cancellationToken)
            ?? throw new PrioritizationException($"There is no finding {findingId}.", notFound: true);

    private async Task<PriorityChange> ChangeAsync(Finding finding, Priority to, DateTimeOffset now, string user, string reasons, CancellationToken cancellationToken)
    {
        var terms = await policy.GetAsync(db, cancellationToken);
        var asset = await db.Assets.AsNoTracking().SingleAsync(a => a.Id == finding.AssetId, cancellationToken);
        var change = new PriorityChange
        {
            FindingId = finding.Id,
            ChangedAt = now,
            FromPriority = finding.Priority,
            ToPriority = to,
            FromSsvc = finding.Ssvc,
            ToSsvc = finding.Ssvc,
            Cause = "override",
            ChangedBy = user.Length <= ColumnLengths.Name ? user : user[..ColumnLengths.Name],
            Reasons = reasons,
        };
        finding.DueDate = terms.TimeframesFor(asset).DueDateAfterChange(finding.Priority, to, finding.FirstSeen, now, finding.DueDate);
        finding.PolicyVersionId = terms.VersionId;
        finding.Priority = to;
        return change;
    }

    private async Task<PriorityChange> SaveAsync(PriorityChange change, CancellationToken cancellationToken)
    {
        db.PriorityChanges.Add(change);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var listener in listeners)
        {
            await listener.OnPriorityChangedAsync([change], cancellationToken);
        }

        return change;
    }
}
