using Microsoft.EntityFrameworkCore;
using Rampart.Core.Findings;
using Rampart.Data;

namespace Rampart.Services.Dashboard;

public sealed record AssetOpenCount(string Asset, int P1, int P2, int P3, int P4, int Total);

public sealed record RecentScan(long Id, string Asset, string Tool, ReportFormat Format, string? FileName, DateTimeOffset ImportedAt, int Findings, int New, int Closed);

/// <summary>Open findings by priority (every priority present, zero when none), top assets, overdue count.</summary>
public sealed record DashboardView(
    IReadOnlyDictionary<Priority, int> OpenByPriority,
    IReadOnlyList<AssetOpenCount> OpenByAsset,
    int Overdue,
    int OpenTotal,
    IReadOnlyList<RecentScan> RecentScans);

public sealed class DashboardQueries(RampartDbContext db, TimeProvider clock)
{
    public const int TopAssets = 10;

    public const int RecentScanCount = 10;

    public async Task<DashboardView> GetAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var open = db.Findings.AsNoTracking().Where(f => f.Status == FindingStatus.Open);

        var counts = await open
            .GroupBy(f => f.Priority)
            .Select(g => new { Priority = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Priority, x => x.Count, cancellationToken);
        var byPriority = Enum.GetValues<Priority>().ToDictionary(p => p, p => counts.GetValueOrDefault(p));

        var topAssets = await open
            .GroupBy(f => f.AssetId)
            .Select(g => new
            {
                AssetId = g.Key,
                Total = g.Count(),
                P1 = g.Count(f => f.Priority == Priority.P1),
                P2 = g.Count(f => f.Priority == Priority.P2),
                P3 = g.Count(f => f.Priority == Priority.P3),
                P4 = g.Count(f => f.Priority == Priority.P4),
            })
            .OrderByDescending(x => x.Total)
            .ThenBy(x => x.AssetId)
            .Take(TopAssets)
            .ToListAsync(cancellationToken);
        var assetIds = topAssets.Select(x => x.AssetId).ToList();
        var names = await db.Assets.AsNoTracking()
            .Where(a => assetIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);

        var overdue = await open.CountAsync(f => f.DueDate < now, cancellationToken);

        var recent = await (
                from scan in db.Scans.AsNoTracking()
                join asset in db.Assets on scan.AssetId equals asset.Id
                orderby scan.ImportedAt descending, scan.Id descending
                select new RecentScan(scan.Id, asset.Name, scan.Tool, scan.Format, scan.FileName, scan.ImportedAt, scan.FindingCount, scan.NewCount, scan.ClosedCount))
            .Take(RecentScanCount)
            .ToListAsync(cancellationToken);

        return new DashboardView(
            byPriority,
            [.. topAssets.Select(x => new AssetOpenCount(names[x.AssetId], x.P1, x.P2, x.P3, x.P4, x.Total))],
            overdue,
            byPriority.Values.Sum(),
            recent);
    }
}
