using Rampart.Core.Findings;

namespace Rampart.Services.Findings;

/// <summary>
/// One asset with what its imports registered: an ML-BOM's model card and package URL, its sources (tool and scope
/// of each stream of scans) and the size of its component inventory. Every text is as the report gave it: plain text.
/// </summary>
public sealed record AssetDetail(
    AssetView Asset,
    string? Description,
    string? Purl,
    string? ModelCard,
    DateTimeOffset CreatedAt,
    long ComponentCount,
    IReadOnlyList<SourceView> Sources);

/// <summary>
/// One stream of scans of an asset: its tool and scope, its latest scan (date, file, format), the findings that scan
/// still reports and the components its latest SBOM listed.
/// </summary>
public sealed record SourceView(
    long Id,
    string Tool,
    string Scope,
    long? LastScanId,
    DateTimeOffset? LastScanDate,
    string? LastFileName,
    ReportFormat? LastFormat,
    int PresentFindings,
    int Components);

/// <summary>One component of an asset's inventory, with the source whose SBOM listed it.</summary>
public sealed record ComponentView(
    long Id,
    string Name,
    string? Version,
    string? Purl,
    string? Type,
    string? License,
    string? Supplier,
    string Tool,
    string Scope);
