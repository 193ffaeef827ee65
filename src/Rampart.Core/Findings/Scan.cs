namespace Rampart.Core.Findings;

/// <summary>One imported report for one asset: the unit of reconciliation.</summary>
public sealed class Scan
{
    public long Id { get; set; }

    public long AssetId { get; set; }

    /// <summary>The producing tool (e.g. "Trivy", "CodeQL"); reconciliation is per asset and tool.</summary>
    public required string Tool { get; set; }

    public string? ToolVersion { get; set; }

    public ReportFormat Format { get; set; }

    public string? FileName { get; set; }

    /// <summary>Lower-case hex SHA-256 of the imported bytes.</summary>
    public string? FileSha256 { get; set; }

    /// <summary>When the scan ran (from --scan-date, else the report, else the import time).</summary>
    public DateTimeOffset ScanDate { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public string? ImportedBy { get; set; }

    public int FindingCount { get; set; }

    public int NewCount { get; set; }

    public int UnchangedCount { get; set; }

    public int ReopenedCount { get; set; }

    public int ClosedCount { get; set; }
}
