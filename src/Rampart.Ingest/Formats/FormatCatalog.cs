using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Ingest.Formats.CycloneDx;
using Rampart.Ingest.Formats.DependencyCheck;
using Rampart.Ingest.Formats.Garak;
using Rampart.Ingest.Formats.Generic;
using Rampart.Ingest.Formats.Grype;
using Rampart.Ingest.Formats.NpmAudit;
using Rampart.Ingest.Formats.OsvScanner;
using Rampart.Ingest.Formats.Promptfoo;
using Rampart.Ingest.Formats.Spdx;
using Rampart.Ingest.Formats.Zap;

namespace Rampart.Ingest.Formats;

/// <summary>Which reader reads which format. Each reader streams; none holds the file in memory.</summary>
internal static class FormatCatalog
{
    public static IAsyncEnumerable<ReportedFinding> Read(ReportFormat format, ReportInput input, ReportMetadata metadata, CancellationToken cancellationToken) =>
        format switch
        {
            ReportFormat.Sarif => SarifReport.ReadAsync(input.Json(), metadata, cancellationToken),
            ReportFormat.CycloneDx => CycloneDxReport.ReadAsync(input, metadata, cancellationToken),
            ReportFormat.Trivy => TrivyReport.ReadAsync(input.Json(), metadata, cancellationToken),
            ReportFormat.Grype => GrypeReport.ReadAsync(input, metadata, cancellationToken),
            ReportFormat.OsvScanner => OsvScannerReport.ReadAsync(input, metadata, cancellationToken),
            ReportFormat.NpmAudit => NpmAuditReport.ReadAsync(input, metadata, cancellationToken),
            ReportFormat.DependencyCheck => DependencyCheckReport.ReadAsync(input, metadata, cancellationToken),
            ReportFormat.Zap => ZapReport.ReadAsync(input, metadata, cancellationToken),
            ReportFormat.Spdx => SpdxReport.ReadAsync(input, metadata, cancellationToken),
            ReportFormat.Garak => GarakReport.ReadAsync(input, metadata, cancellationToken),
            ReportFormat.Promptfoo => PromptfooReport.ReadAsync(input, metadata, cancellationToken),
            ReportFormat.GenericJson => GenericJsonReport.ReadAsync(input, metadata, cancellationToken),
            ReportFormat.GenericCsv => GenericCsvReport.ReadAsync(input, metadata, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unsupported report format."),
        };
}
