using Rampart.Core.Findings;

namespace Rampart.Services.Imports;

/// <summary>One report to import for one asset. <see cref="Content"/> must be seekable (a file or a buffered upload).</summary>
public sealed record ImportRequest(
    string AssetName,
    Stream Content,
    string FileName,
    ReportFormat Format = ReportFormat.Auto,
    DateTimeOffset? ScanDate = null,
    string? ImportedBy = null);

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
    int Closed);

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
