using System.Globalization;
using Rampart.Core.Findings;

namespace Rampart.Ingest.Normalization;

/// <summary>Maps the severity words and numbers scanners use onto <see cref="Severity"/>.</summary>
internal static class SeverityScale
{
    /// <summary>CVSS v3.1 spec §5 qualitative bands (a score of 0 is "none", shown as Info).</summary>
    public static Severity FromScore(double score) => score switch
    {
        >= 9.0 => Severity.Critical,
        >= 7.0 => Severity.High,
        >= 4.0 => Severity.Medium,
        > 0 => Severity.Low,
        _ => Severity.Info,
    };

    /// <summary>A severity word (critical, HIGH, moderate, info, none, unknown…) or a numeric score; null when neither.</summary>
    public static Severity? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
        {
            return FromScore(score);
        }

        return value.Trim().ToUpperInvariant() switch
        {
            "CRITICAL" => Severity.Critical,
            "HIGH" or "IMPORTANT" => Severity.High,
            "MEDIUM" or "MODERATE" => Severity.Medium,
            "LOW" => Severity.Low,
            // "unknown" means the tool had no rating: Info is the only honest value on this scale.
            "INFO" or "INFORMATIONAL" or "NONE" or "NEGLIGIBLE" or "UNKNOWN" => Severity.Info,
            _ => null,
        };
    }

    /// <summary>SARIF 2.1.0 §3.27.10 levels.</summary>
    public static Severity FromSarifLevel(string? level) => level switch
    {
        "error" => Severity.High,
        "note" => Severity.Low,
        "none" => Severity.Info,
        _ => Severity.Medium,
    };
}
