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
    public Task<DashboardView> GetAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
