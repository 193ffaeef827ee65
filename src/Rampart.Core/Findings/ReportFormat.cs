namespace Rampart.Core.Findings;

/// <summary>The report formats Rampart reads; <see cref="Auto"/> detects the format from the content.</summary>
public enum ReportFormat
{
    Auto,
    Sarif,
    CycloneDx,
    Trivy,
    Grype,
    OsvScanner,
    NpmAudit,
    DependencyCheck,
    Zap,
    Spdx,
    Garak,
    Promptfoo,

    /// <summary>Rampart's documented JSON format for tools without a parser (docs/formats/generic.md).</summary>
    GenericJson,

    /// <summary>Rampart's documented CSV format for tools without a parser (docs/formats/generic.md).</summary>
    GenericCsv,

    /// <summary>
    /// OSV records matched against an inventory (<c>rampart osv</c>): a scan made in process, not a file to import,
    /// so it is not among the names <see cref="ReportFormatNames"/> accepts.
    /// </summary>
    OsvRecords,
}
