using System.Globalization;
using Rampart.Core.Findings;

namespace Rampart.Core.Prioritization.Cvss;

/// <summary>Exact CVSS scoring for v2.0, v3.0, v3.1 and v4.0: parse a vector, get every score it carries.</summary>
public static class Cvss
{
    /// <summary>Scores a vector or throws <see cref="CvssFormatException"/> naming the offending part.</summary>
    public static CvssScores Score(string vector) => Score(CvssVector.Parse(vector));

    /// <summary>Scores a vector, or explains in <paramref name="error"/> which part is wrong.</summary>
    public static bool TryScore(string vector, out CvssScores? scores, out string? error)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var parsed = CvssVectorReader.Read(vector, out var problem);
        if (parsed is null)
        {
            scores = null;
            error = problem.Message(vector);
            return false;
        }

        scores = Score(parsed);
        error = null;
        return true;
    }

    /// <summary>Scores a parsed vector.</summary>
    public static CvssScores Score(CvssVector vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        return vector.Version switch
        {
            CvssVersion.V2 => CvssV2Scorer.Score(vector),
            CvssVersion.V4_0 => CvssV4Scorer.Score(vector),
            _ => CvssV3Scorer.Score(vector),
        };
    }

    /// <summary>A score with one decimal, invariant culture ("9.8", "10.0").</summary>
    public static string Format(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>
    /// Qualitative rating: v3.0/v3.1 spec §5 and v4.0 spec §6 bands (0.0 none → Info, 0.1–3.9 low, 4.0–6.9 medium,
    /// 7.0–8.9 high, 9.0–10.0 critical). The v2 guide defines no bands; v2 uses NVD's (0.0–3.9 low, 4.0–6.9 medium,
    /// 7.0–10.0 high), so a v2 score is never none or critical.
    /// </summary>
    public static Severity SeverityOf(CvssVersion version, double score) => version == CvssVersion.V2
        ? score switch
        {
            >= 7.0 => Severity.High,
            >= 4.0 => Severity.Medium,
            _ => Severity.Low,
        }
        : score switch
        {
            >= 9.0 => Severity.Critical,
            >= 7.0 => Severity.High,
            >= 4.0 => Severity.Medium,
            > 0 => Severity.Low,
            _ => Severity.Info,
        };

    /// <summary>The severity word as the specifications write it, lower-case: none, low, medium, high, critical.</summary>
    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.High => "high",
        Severity.Medium => "medium",
        Severity.Low => "low",
        _ => "none",
    };

    /// <summary>"2.0", "3.0", "3.1" or "4.0".</summary>
    public static string VersionNumber(CvssVersion version) => version switch
    {
        CvssVersion.V2 => "2.0",
        CvssVersion.V3_0 => "3.0",
        CvssVersion.V3_1 => "3.1",
        _ => "4.0",
    };
}
