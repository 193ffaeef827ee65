using Microsoft.EntityFrameworkCore;
using Rampart.Core.Findings;
using Rampart.Core.Workflow;
using Rampart.Data;
using Rampart.Services.Policies;

namespace Rampart.Services.Workflow;

/// <summary>
/// Stops and restarts a finding's remediation clock while its fix waits on a vendor, when the policy in force allows it
/// (<c>pause-sla-while-waiting-on-vendor</c>). A stopped clock is neither breached nor escalated; restarting it moves
/// the due date on by the time it stood still. Each stop is a <see cref="SlaPause"/> record.
/// </summary>
public sealed class SlaService(RampartDbContext db, TimeProvider clock, PolicyTermsCache policy)
{
    /// <exception cref="WorkflowRuleException">The policy does not allow it, the clock already stands, or the user has no access; nothing changed.</exception>
    public async Task<SlaPause> PauseAsync(long findingId, string by, string reason, CancellationToken cancellationToken = default)
    {
        var user = await WorkflowUsers.ActorAsync(db, by, cancellationToken);
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 5)
        {
            throw new WorkflowRuleException("Say which vendor the fix waits on and why (at least 5 characters).");
        }

        var terms = await policy.GetAsync(db, cancellationToken);
        if (!terms.Parameters.PauseSlaWhileWaitingOnVendor)
        {
            throw new WorkflowRuleException(
                $"The clock cannot be stopped: {terms.Describe()} does not allow it while waiting on a vendor (pause-sla-while-waiting-on-vendor: false).");
        }

        var finding = await FindAsync(findingId, cancellationToken);
        WorkflowUsers.RequireAccess(user, finding.Asset!.Name, finding.Asset.OwnerTeam);
        if (finding.Status != FindingStatus.Open)
        {
            throw new WorkflowRuleException($"Finding {findingId} is {finding.State}; only an open finding's clock can be stopped.");
        }

        if (finding.SlaPausedAt is { } since)
        {
            throw new WorkflowRuleException($"Finding {findingId}'s clock has been stopped since {since:yyyy-MM-dd HH:mm} UTC.");
        }

        var now = clock.GetUtcNow();
        finding.SlaPausedAt = now;
        var pause = new SlaPause
        {
            FindingId = findingId,
            PausedBy = user.UserName,
            PausedAt = now,
            Reason = reason.Trim().Length > 1000 ? reason.Trim()[..1000] : reason.Trim(),
            PolicyVersionId = terms.VersionId,
            DueDateBefore = finding.DueDate,
        };
        db.SlaPauses.Add(pause);
        await db.SaveChangesAsync(cancellationToken);
        return pause;
    }

    public async Task<SlaPause> ResumeAsync(long findingId, string by, CancellationToken cancellationToken = default)
    {
        var user = await WorkflowUsers.ActorAsync(db, by, cancellationToken);
        var finding = await FindAsync(findingId, cancellationToken);
        WorkflowUsers.RequireAccess(user, finding.Asset!.Name, finding.Asset.OwnerTeam);
        if (finding.SlaPausedAt is not { } since)
        {
            throw new WorkflowRuleException($"Finding {findingId}'s clock is running; there is nothing to restart.");
        }

        var pause = await db.SlaPauses.Where(p => p.FindingId == findingId && p.ResumedAt == null)
            .OrderByDescending(p => p.Id).FirstAsync(cancellationToken);
        var now = clock.GetUtcNow();
        finding.DueDate = finding.DueDate + (now - since);
        finding.SlaPausedAt = null;
        pause.ResumedAt = now;
        pause.ResumedBy = user.UserName;
        pause.DueDateAfter = finding.DueDate;
        await db.SaveChangesAsync(cancellationToken);
        return pause;
    }

    public async Task<IReadOnlyList<SlaPause>> PausesAsync(long findingId, CancellationToken cancellationToken = default) =>
        await db.SlaPauses.AsNoTracking().Where(p => p.FindingId == findingId).OrderBy(p => p.Id).ToListAsync(cancellationToken);

    private async Task<Finding> FindAsync(long findingId, CancellationToken cancellationToken) =>
        await db.Findings.Include(f => f.Asset).SingleOrDefaultAsync(f => f.Id == findingId, cancellationToken)
        ?? throw new WorkflowNotFoundException($"There is no finding {findingId}.");
}
