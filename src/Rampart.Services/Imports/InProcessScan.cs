using Rampart.Core.Findings;
using Rampart.Core.Ingest;

namespace Rampart.Services.Imports;

/// <summary>
/// A scan whose findings were produced in process (no report file): OSV records matched against an inventory.
/// It is a complete scan of the asset by (<paramref name="Tool"/>, <paramref name="Scope"/>), reconciled like a file.
/// </summary>
/// <param name="Name">What the scan list shows in place of a file name ("osv-match").</param>
public sealed record InProcessScan(
    string AssetName,
    string Tool,
    string Scope,
    ReportFormat Format,
    IEnumerable<ReportedFinding> Findings,
    string Name,
    DateTimeOffset? ScanDate = null,
    string? ImportedBy = null);
