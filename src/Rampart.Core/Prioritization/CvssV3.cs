using System.Globalization;
using Rampart.Core.Findings;

namespace Rampart.Core.Prioritization;

/// <summary>A scored CVSS v3.0/v3.1 base vector.</summary>
public sealed record CvssV3Score(string Vector, string Version, double BaseScore, Severity Severity);

/// <summary>
/// CVSS v3.0 and v3.1 base scores, following FIRST's specification documents (v3.1 spec §7.1 formulas,
/// §7.4 metric values, Appendix A Roundup). Temporal and environmental scores and the other versions
/// come with the prioritization issue.
/// </summary>
public static class CvssV3
{
    private static readonly string[] BaseMetrics = ["AV", "AC", "PR", "UI", "S", "C", "I", "A"];

    /// <summary>Scores a vector, or explains in <paramref name="error"/> which part is wrong.</summary>
    public static bool TryScore(string vector, out CvssV3Score? score, out string? error)
    {
        ArgumentNullException.ThrowIfNull(vector);
        score = null;
        var parts = vector.Trim().Split('/');
        if (parts.Length == 0 || parts[0] is not ("CVSS:3.0" or "CVSS:3.1"))
        {
            error = $"'{vector}' is not a CVSS v3.0/v3.1 vector (it must start with CVSS:3.0/ or CVSS:3.1/).";
            return false;
        }

        var version = parts[0][5..];
        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == part.Length - 1)
            {
                error = $"'{part}' in '{vector}' is not a metric:value pair.";
                return false;
            }

            var name = part[..colon];
            if (!metrics.TryAdd(name, part[(colon + 1)..]))
            {
                error = $"metric '{name}' appears twice in '{vector}'.";
                return false;
            }
        }

        foreach (var required in BaseMetrics)
        {
            if (!metrics.ContainsKey(required))
            {
                error = $"base metric '{required}' is missing from '{vector}'.";
                return false;
            }
        }

        var scopeChanged = metrics["S"] switch
        {
            "U" => false,
            "C" => true,
            _ => (bool?)null,
        };
        double? av = metrics["AV"] switch { "N" => 0.85, "A" => 0.62, "L" => 0.55, "P" => 0.2, _ => null };
        double? ac = metrics["AC"] switch { "L" => 0.77, "H" => 0.44, _ => null };
        double? pr = metrics["PR"] switch
        {
            "N" => 0.85,
            "L" => scopeChanged == true ? 0.68 : 0.62,
            "H" => scopeChanged == true ? 0.5 : 0.27,
            _ => null,
        };
        double? ui = metrics["UI"] switch { "N" => 0.85, "R" => 0.62, _ => null };
        double? c = Cia(metrics["C"]);
        double? i = Cia(metrics["I"]);
        double? a = Cia(metrics["A"]);

        var invalid = new (string Name, object? Value)[]
        {
            ("AV", av), ("AC", ac), ("PR", pr), ("UI", ui), ("S", scopeChanged), ("C", c), ("I", i), ("A", a),
        }.FirstOrDefault(m => m.Value is null);
        if (invalid.Name is not null)
        {
            error = $"'{invalid.Name}:{metrics[invalid.Name]}' in '{vector}' is not a valid value.";
            return false;
        }

        var iss = 1 - ((1 - c!.Value) * (1 - i!.Value) * (1 - a!.Value));
        var impact = scopeChanged!.Value
            ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15))
            : 6.42 * iss;
        var exploitability = 8.22 * av!.Value * ac!.Value * pr!.Value * ui!.Value;
        double baseScore;
        if (impact <= 0)
        {
            baseScore = 0;
        }
        else
        {
            var raw = scopeChanged.Value ? Math.Min(1.08 * (impact + exploitability), 10) : Math.Min(impact + exploitability, 10);
            baseScore = version == "3.0" ? RoundUpV30(raw) : RoundUpV31(raw);
        }

        score = new CvssV3Score(vector.Trim(), version, baseScore, SeverityOf(baseScore));
        error = null;
        return true;
    }

    /// <summary>Qualitative rating scale (v3.1 spec §5): 0 none (Info here), 0.1–3.9 low, 4.0–6.9 medium, 7.0–8.9 high, 9.0–10 critical.</summary>
    public static Severity SeverityOf(double score) => score switch
    {
        >= 9.0 => Severity.Critical,
        >= 7.0 => Severity.High,
        >= 4.0 => Severity.Medium,
        > 0 => Severity.Low,
        _ => Severity.Info,
    };

    public static string Format(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);

    private static double? Cia(string value) => value switch { "H" => 0.56, "L" => 0.22, "N" => 0.0, _ => null };

    // v3.1 spec Appendix A: an integer-based Roundup that avoids floating-point surprises.
    private static double RoundUpV31(double value)
    {
        var intInput = (long)Math.Round(value * 100_000);
        return intInput % 10_000 == 0 ? intInput / 100_000.0 : (Math.Floor(intInput / 10_000.0) + 1) / 10.0;
    }

    // v3.0 spec §7.5: the smallest number, to one decimal place, that is equal to or higher than its input.
    private static double RoundUpV30(double value) => Math.Ceiling(value * 10) / 10;
}
