using Rampart.Core.Assets;
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

    /// <summary>
    /// What the report covered, when it says (SARIF automationDetails id, Trivy artifact name, garak target
    /// model): reconciliation closes only findings of the same (asset, tool, scope).
    /// </summary>
    public string? Scope { get; set; }

    /// <summary>The component inventory the report lists (SBOMs): packages with their purl and version.</summary>
    public IList<ReportedComponent> Components { get; } = [];

    /// <summary>AI assets the report describes (CycloneDX ML-BOM models and datasets).</summary>
    public IList<ReportedAiAsset> AiAssets { get; } = [];
}

/// <summary>One component of an SBOM: what an asset is made of, matched later against vulnerability feeds.</summary>
public sealed record ReportedComponent
{
    public required string Name { get; init; }

    public string? Version { get; init; }

    /// <summary>Package URL (purl), when given.</summary>
    public string? Purl { get; init; }

    /// <summary>CycloneDX component type or SPDX primary purpose: "library", "application", "container"…</summary>
    public string? Type { get; init; }

    public string? Supplier { get; init; }

    /// <summary>SPDX license expression or the first license id, when given.</summary>
    public string? License { get; init; }

    /// <summary>CPE 2.3 name, when given (SPDX externalRefs cpe23Type, CycloneDX cpe).</summary>
    public string? Cpe { get; init; }
}

/// <summary>A model or dataset an ML-BOM describes; it becomes an asset of its own.</summary>
public sealed record ReportedAiAsset
{
    public required string Name { get; init; }

    public string? Version { get; init; }

    /// <summary>Model or Dataset (CycloneDX "machine-learning-model" and "data").</summary>
    public required AssetKind Kind { get; init; }

    public AssetLayer Layer { get; init; } = AssetLayer.Model;

    /// <summary>Who supplies it upstream (CycloneDX supplier/publisher/author), when given.</summary>
    public string? UpstreamProvider { get; init; }

    public string? Purl { get; init; }

    public string? Description { get; init; }

    /// <summary>Model card facts as plain "key: value" lines (task, architecture, datasets, limitations…).</summary>
    public string? ModelCard { get; init; }
}
