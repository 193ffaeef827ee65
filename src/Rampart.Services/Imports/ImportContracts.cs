using Rampart.Core.Findings;

namespace Rampart.Services.Imports;

/// <summary>One report to import for one asset. <see cref="Content"/> must be seekable (a file or a buffered upload).</summary>
public sealed record ImportRequest(
    string AssetName,
    Stream Content,
    string FileName,
    ReportFormat Format = ReportFormat.Auto,
    DateTimeOffset? ScanDate = null,
    string? ImportedBy = null,
    string? Scope = null);

/// <summary>What an import did. <see cref="Findings"/> counts distinct findings in the file.</summary>
public sealed record ImportResult(
    long ScanId,
    ReportFormat Format,
    string Asset,
    string Tool,
    int Findings,
    int New,
    int Unchanged,
    int Reopened,
    int Closed)
{
    /// <summary>What the scan covered (the source's scope); "" when the report does not say.</summary>
    public string Scope { get; init; } = "";

    /// <summary>Results that repeated a finding already in the file.</summary>
    public int Duplicates { get; init; }

    /// <summary>Components the report listed (SBOM inventory registered for the asset).</summary>
    public int Components { get; init; }

    /// <summary>
    /// True when the file is byte-for-byte the latest import of its source: nothing was written, and
    /// <see cref="ScanId"/> is that earlier scan.
    /// </summary>
    public bool AlreadyImported { get; init; }

    /// <summary>Findings whose computed priority this scan changed (each logged as a priority change).</summary>
    public int PriorityChanges { get; init; }
}

/// <summary>An import refused before anything was written (bad asset name, bad date, empty file...).</summary>
public sealed class ImportException(string message) : Exception(message)
{
    public ImportException()
        : this("The import was refused.")
    {
    }

    public ImportException(string message, Exception innerException)
        : this(message + " " + innerException?.Message)
    {
    }
}
