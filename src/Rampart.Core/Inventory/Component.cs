namespace Rampart.Core.Inventory;

/// <summary>
/// One component of an asset, as its latest SBOM from one source lists it: what later vulnerability feeds are
/// matched against. Replaced as a whole each time that source sends a new SBOM.
/// </summary>
public sealed class Component
{
    public long Id { get; set; }

    public long AssetId { get; set; }

    public long SourceId { get; set; }

    public required string Name { get; set; }

    public string? Version { get; set; }

    public string? Purl { get; set; }

    public string? Type { get; set; }

    public string? Supplier { get; set; }

    public string? License { get; set; }

    public string? Cpe { get; set; }

    public long ScanId { get; set; }
}

/// <summary>Two names for one vulnerability (a GHSA id and its CVE): findings are keyed by the canonical one.</summary>
public sealed class VulnerabilityAlias
{
    /// <summary>The alias, upper-cased ("GHSA-JFH8-C2JP-5V3Q").</summary>
    public required string Alias { get; set; }

    /// <summary>The id findings use: a CVE when one is known, else the first id seen.</summary>
    public required string CanonicalId { get; set; }
}
