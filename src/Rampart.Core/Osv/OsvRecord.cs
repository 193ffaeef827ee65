namespace Rampart.Core.Osv;

/// <summary>
/// One OSV record as the reader parsed it (OSV schema 1.0–1.6, ossf.github.io/osv-schema): only what matching and
/// findings need. Text is untrusted and already clipped by the reader.
/// </summary>
public sealed record OsvRecord
{
    public required string Id { get; init; }

    public required DateTimeOffset Modified { get; init; }

    public DateTimeOffset? Published { get; init; }

    /// <summary>Set when the record was withdrawn (§withdrawn): it matches nothing from then on.</summary>
    public DateTimeOffset? Withdrawn { get; init; }

    public string? SchemaVersion { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>CVSS vectors from <c>severity[]</c> (types CVSS_V2, CVSS_V3, CVSS_V4), as given.</summary>
    public IReadOnlyList<string> CvssVectors { get; init; } = [];

    public IReadOnlyList<OsvAffected> Affected { get; init; } = [];

    /// <summary>
    /// The database's own severity word (GitHub's <c>database_specific.severity</c>: LOW, MODERATE, HIGH, CRITICAL),
    /// used when there is no CVSS vector; a malicious-package record (MAL-…) is Critical.
    /// </summary>
    public Findings.Severity? Severity { get; init; }
}

/// <summary>One <c>affected[]</c> entry (§affected): a package, its ranges and its explicit versions.</summary>
public sealed record OsvAffected(string Ecosystem, string Name, IReadOnlyList<OsvRange> Ranges, IReadOnlyList<string> Versions);

/// <summary>§affected[].ranges[].type.</summary>
public enum OsvRangeType
{
    Semver,
    Ecosystem,
    Git,
}

/// <summary>One range: its type and events in the record's order (§affected[].ranges[].events).</summary>
public sealed record OsvRange(OsvRangeType Type, IReadOnlyList<OsvEvent> Events);

public enum OsvEventKind
{
    Introduced,
    Fixed,
    LastAffected,
    Limit,
}

public sealed record OsvEvent(OsvEventKind Kind, string Version);
