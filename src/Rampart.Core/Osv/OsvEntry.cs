namespace Rampart.Core.Osv;

/// <summary>
/// A stored OSV record: what findings need from it. Replaced as a whole (with its <see cref="OsvAffectedPackage"/>
/// rows) only by a version with a later <see cref="Modified"/> (OSV schema §modified).
/// </summary>
public sealed class OsvEntry
{
    /// <summary>The record's id ("GHSA-…", "PYSEC-…", "GO-…").</summary>
    public required string Id { get; set; }

    public DateTimeOffset Modified { get; set; }

    public DateTimeOffset? Published { get; set; }

    public DateTimeOffset? Withdrawn { get; set; }

    public string? SchemaVersion { get; set; }

    /// <summary>The record's summary, clipped; a finding's title.</summary>
    public string? Summary { get; set; }

    /// <summary>Space-separated aliases (ValueList).</summary>
    public string? Aliases { get; set; }

    /// <summary>Space-separated CVSS vectors from <c>severity[]</c> (ValueList).</summary>
    public string? CvssVectors { get; set; }

    /// <summary>The database's severity word, when it gives one (see <see cref="OsvRecord.Severity"/>).</summary>
    public Findings.Severity? Severity { get; set; }

    public DateTimeOffset LoadedAt { get; set; }
}

/// <summary>
/// One <c>affected[]</c> package of a stored record, keyed for matching by (<see cref="EcosystemKey"/>,
/// <see cref="NameKey"/>), with its ranges and versions in the compact form of <see cref="OsvRangeText"/>.
/// </summary>
public sealed class OsvAffectedPackage
{
    public long Id { get; set; }

    public required string EntryId { get; set; }

    /// <summary>The ecosystem as the record gives it ("Debian:12", "PyPI").</summary>
    public required string Ecosystem { get; set; }

    /// <summary>The ecosystem without release, in OSV's spelling ("Debian", "PyPI").</summary>
    public required string EcosystemKey { get; set; }

    public required string Name { get; set; }

    /// <summary>The name normalized per ecosystem (<see cref="Versions.Ecosystems.NormalizeName"/>).</summary>
    public required string NameKey { get; set; }

    /// <summary>SEMVER and ECOSYSTEM ranges, compact (<see cref="OsvRangeText.FormatRanges"/>); null when there are none.</summary>
    public string? Ranges { get; set; }

    /// <summary>The explicit <c>versions[]</c>, compact (<see cref="OsvRangeText.FormatVersions"/>); null when there are none.</summary>
    public string? Versions { get; set; }

    /// <summary>GIT ranges of the entry, which matching skips and counts.</summary>
    public int GitRanges { get; set; }
}
