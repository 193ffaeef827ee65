using Rampart.Core.Findings;

namespace Rampart.Core.Ingest;

/// <summary>Facts about a report as a whole, filled in by its reader while it streams.</summary>
public sealed class ReportMetadata
{
    public ReportFormat Format { get; set; }

    /// <summary>The producing tool's name, when the report names it.</summary>
    public string? Tool { get; set; }

    public string? ToolVersion { get; set; }

    /// <summary>When the report says the scan ran, if it says.</summary>
    public DateTimeOffset? ScanDate { get; set; }
}
