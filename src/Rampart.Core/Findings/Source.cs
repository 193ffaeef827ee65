namespace Rampart.Core.Findings;

/// <summary>
/// One stream of scans: an asset's (tool, scope). Reconciliation compares a scan with the previous one of the same
/// source only, so two partial reports of one asset (two images, two repositories) do not close each other's findings.
/// </summary>
public sealed class Source
{
    public long Id { get; set; }

    public long AssetId { get; set; }

    public required string Tool { get; set; }

    /// <summary>What the scans cover ("" when the reports do not say): image, target, project, site, model.</summary>
    public string Scope { get; set; } = "";

    public long? LastScanId { get; set; }

    /// <summary>The date of the latest scan, which is the last-seen date of every present observation.</summary>
    public DateTimeOffset? LastScanDate { get; set; }
}
