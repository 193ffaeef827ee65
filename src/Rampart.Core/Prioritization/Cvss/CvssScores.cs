using Rampart.Core.Findings;

namespace Rampart.Core.Prioritization.Cvss;

/// <summary>
/// Every score a vector carries. v2/v3: base, temporal (when a temporal metric is defined), environmental (when an
/// environmental metric is defined). v4.0 nomenclature (spec §1.3): CVSS-B always, CVSS-BT with threat metrics,
/// CVSS-BE with environmental metrics, CVSS-BTE with both; <see cref="TemporalScore"/> is then CVSS-BT and
/// <see cref="EnvironmentalScore"/> CVSS-BTE (or CVSS-BE without threat metrics).
/// </summary>
public sealed record CvssScores
{
    public required CvssVersion Version { get; init; }

    /// <summary>The vector as given, trimmed.</summary>
    public required string Vector { get; init; }

    public required double BaseScore { get; init; }

    public double? TemporalScore { get; init; }

    public double? EnvironmentalScore { get; init; }

    /// <summary>v4.0 CVSS-BT, when the vector has threat metrics.</summary>
    public double? BaseThreatScore { get; init; }

    /// <summary>v4.0 CVSS-BE (threat metrics left out), when the vector has environmental metrics.</summary>
    public double? BaseEnvironmentalScore { get; init; }

    /// <summary>v4.0 CVSS-BTE, when the vector has both threat and environmental metrics.</summary>
    public double? BaseThreatEnvironmentalScore { get; init; }

    /// <summary>The most specific score: environmental (BE/BTE) over temporal (BT) over base.</summary>
    public required double Score { get; init; }

    /// <summary>v2/v3: "base", "temporal" or "environmental"; v4.0: "CVSS-B", "CVSS-BT", "CVSS-BE" or "CVSS-BTE".</summary>
    public required string ScoreKind { get; init; }

    /// <summary>The qualitative rating of <see cref="Score"/> (see <see cref="Cvss.SeverityOf"/>).</summary>
    public required Severity Severity { get; init; }

    public required Severity BaseSeverity { get; init; }

    /// <summary>"2.0", "3.0", "3.1" or "4.0".</summary>
    public string VersionNumber => Cvss.VersionNumber(Version);
}
