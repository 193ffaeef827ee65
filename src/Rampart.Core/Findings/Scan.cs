namespace Rampart.Core.Findings;

/// <summary>One imported report for one asset: the unit of reconciliation.</summary>
public sealed class Scan
{
    public long Id { get; set; }

    public long AssetId { get; set; }

    /// <summary>The (asset, tool, scope) this scan belongs to; reconciliation is per source.</summary>
    public long SourceId { get; set; }

    /// <summary>The producing tool (e.g. "Trivy", "CodeQL").</summary>
    public required string Tool { get; set; }

    /// <summary>What the scan covered, "" when unknown (see <see cref="Source.Scope"/>).</summary>
    public string Scope { get; set; } = "";

    public string? ToolVersion { get; set; }

    public ReportFormat Format { get; set; }

    public string? FileName { get; set; }

    /// <summary>Lower-case hex SHA-256 of the imported bytes.</summary>
    public string? FileSha256 { get; set; }

    /// <summary>Size of the imported file in bytes; only a file of the same size can be a byte-identical reimport.</summary>
    public long FileLength { get; set; }

    /// <summary>When the scan ran (from --scan-date, else the report, else the import time).</summary>
    public DateTimeOffset ScanDate { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public string? ImportedBy { get; set; }

    public int FindingCount { get; set; }

    public int NewCount { get; set; }

    public int UnchangedCount { get; set; }

    public int ReopenedCount { get; set; }

    public int ClosedCount { get; set; }

    /// <summary>Results that repeated a finding already in the same file (merged into it).</summary>
    public int DuplicateCount { get; set; }

    /// <summary>Components the report listed (SBOM inventory).</summary>
    public int ComponentCount { get; set; }
}
