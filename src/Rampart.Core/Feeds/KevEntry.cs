namespace Rampart.Core.Feeds;

/// <summary>
/// One entry of CISA's Known Exploited Vulnerabilities catalog. Only the latest catalog is kept: each newer catalog
/// replaces the stored one (entries CISA removed disappear).
/// </summary>
public sealed class KevEntry
{
    /// <summary>Upper-case CVE id (the catalog's cveID).</summary>
    public required string CveId { get; set; }

    public required string VendorProject { get; set; }

    public required string Product { get; set; }

    public required string VulnerabilityName { get; set; }

    public DateOnly DateAdded { get; set; }

    public required string ShortDescription { get; set; }

    public required string RequiredAction { get; set; }

    /// <summary>When federal agencies must have acted (BOD 22-01); required by the schema, null only if a CSV cell is empty.</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>"Known" or "Unknown" as CISA writes it; null in catalogs older than the field (e.g. 2023.04.21).</summary>
    public string? KnownRansomwareCampaignUse { get; set; }

    public string? Notes { get; set; }

    /// <summary>CWE ids separated by single spaces ("CWE-59 CWE-436"); null when the catalog gives none.</summary>
    public string? Cwes { get; set; }

    /// <summary>The catalogVersion this entry was last loaded from, e.g. "2025.08.25".</summary>
    public required string CatalogVersion { get; set; }
}
