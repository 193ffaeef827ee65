namespace Rampart.Services.Feeds;

/// <summary>One feed's state for the status list; the fields are null until the feed was first read.</summary>
public sealed record FeedStatus(
    string Feed,
    string? Location,
    string? Version,
    int Records,
    DateTimeOffset? CheckedAt,
    DateTimeOffset? ChangedAt,
    string? ETag,
    DateTimeOffset? LastModified,
    string? Sha256);

/// <summary>One day of a CVE's EPSS history (a point of its trend chart).</summary>
public sealed record EpssPoint(DateOnly Date, double Epss, double Percentile);

/// <summary>A CVE's entry in CISA's KEV catalog.</summary>
public sealed record KevView(
    string CveId,
    string VendorProject,
    string Product,
    string VulnerabilityName,
    DateOnly DateAdded,
    string ShortDescription,
    string RequiredAction,
    DateOnly? DueDate,
    string? KnownRansomwareCampaignUse,
    string? Notes,
    IReadOnlyList<string> Cwes,
    string CatalogVersion);

/// <summary>What the feeds say about one vulnerability id.</summary>
/// <param name="Id">The id asked for, normalized.</param>
/// <param name="Cve">The CVE the id resolves to (itself, or the canonical id of a known alias such as a GHSA).</param>
/// <param name="EpssHistory">Every loaded day, oldest first.</param>
public sealed record VulnerabilityIntel(string Id, string Cve, KevView? Kev, EpssPoint? LatestEpss, IReadOnlyList<EpssPoint> EpssHistory)
{
    public bool KnownExploited => Kev is not null;
}
