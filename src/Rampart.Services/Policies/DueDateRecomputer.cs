using Microsoft.EntityFrameworkCore;
using Rampart.Core.Findings;
using Rampart.Core.Policies;
using Rampart.Data;

namespace Rampart.Services.Policies;

/// <summary>
/// Sets the due date of every open finding from the given terms: first seen + the days for its effective priority on
/// its asset (criticality and layer), never before the end of an active exemption of its asset or itself; and records
/// the version on each finding. One statement per asset and priority, so a million findings is a few statements.
/// </summary>
public sealed class DueDateRecomputer(RampartDbContext db)
{
    /// <returns>Open findings whose due date was set.</returns>
    public async Task<int> RecomputeAsync(PolicyTerms terms, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var assets = await db.Assets.AsNoTracking().ToListAsync(cancellationToken);
        var sqlite = db.Database.IsSqlite();
        var open = nameof(FindingStatus.Open);
        var total = 0;
        foreach (var asset in assets)
        {
            var timeframes = terms.TimeframesFor(asset);
            foreach (var priority in Enum.GetValues<Priority>())
            {
                var days = timeframes.DaysFor(priority);
                var name = priority.ToString();
                total += sqlite
                    ? await db.Database.ExecuteSqlAsync(
                        $"""UPDATE "Findings" SET "DueDate" = "FirstSeen" + {days * TimeSpan.TicksPerDay}, "PolicyVersionId" = {terms.VersionId} WHERE "AssetId" = {asset.Id} AND "Priority" = {name} AND "Status" = {open}""",
                        cancellationToken)
                    : await db.Database.ExecuteSqlAsync(
                        $"""UPDATE "Findings" SET "DueDate" = "FirstSeen" + make_interval(days => {days}), "PolicyVersionId" = {terms.VersionId} WHERE "AssetId" = {asset.Id} AND "Priority" = {name} AND "Status" = {open}""",
                        cancellationToken);
            }
        }

        await ApplyExemptionsAsync(now, cancellationToken);
        return total;
    }

    /// <summary>An active exemption pushes the due dates of the open findings in its scope to its end.</summary>
    public async Task ApplyExemptionsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var active = (await db.PolicyExemptions.AsNoTracking().Where(e => e.ApprovedAt != null).ToListAsync(cancellationToken))
            .Where(e => e.IsActive(now))
            .ToList();
        foreach (var exemption in active)
        {
            var findings = await db.Findings
                .Where(f => f.Status == FindingStatus.Open
                    && (exemption.FindingId != null ? f.Id == exemption.FindingId : f.AssetId == exemption.AssetId))
                .ToListAsync(cancellationToken);
            foreach (var finding in findings.Where(f => f.DueDate is null || f.DueDate < exemption.ExpiresAt))
            {
                finding.DueDate = exemption.ExpiresAt;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
