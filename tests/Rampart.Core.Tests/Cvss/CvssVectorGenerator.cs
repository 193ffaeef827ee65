using Rampart.Core.Prioritization.Cvss;

namespace Rampart.Core.Tests.Cvss;

/// <summary>What a generated invalid vector gets wrong, and the part the error must name.</summary>
internal sealed record InvalidVector(string Vector, string Kind, string? Part);

/// <summary>
/// Seeded random CVSS vectors. The metric tables are written out here again from the specifications (v2 guide §2.4
/// Table 12, v3.1 spec §6 Table 15, v4.0 spec §7 Table 23) rather than taken from the code under test, so that a
/// value missing from the implementation's tables shows up as a refused valid vector.
/// </summary>
internal sealed class CvssVectorGenerator(int seed)
{
    private static readonly (string Key, string[] Values)[] V2Base =
        [("AV", ["L", "A", "N"]), ("AC", ["H", "M", "L"]), ("Au", ["M", "S", "N"]), ("C", ["N", "P", "C"]), ("I", ["N", "P", "C"]), ("A", ["N", "P", "C"])];

    private static readonly (string Key, string[] Values)[] V2Optional =
        [("E", ["U", "POC", "F", "H", "ND"]), ("RL", ["OF", "TF", "W", "U", "ND"]), ("RC", ["UC", "UR", "C", "ND"]),
         ("CDP", ["N", "L", "LM", "MH", "H", "ND"]), ("TD", ["N", "L", "M", "H", "ND"]), ("CR", ["L", "M", "H", "ND"]), ("IR", ["L", "M", "H", "ND"]), ("AR", ["L", "M", "H", "ND"])];

    private static readonly (string Key, string[] Values)[] V3Base =
        [("AV", ["N", "A", "L", "P"]), ("AC", ["L", "H"]), ("PR", ["N", "L", "H"]), ("UI", ["N", "R"]), ("S", ["U", "C"]), ("C", ["H", "L", "N"]), ("I", ["H", "L", "N"]), ("A", ["H", "L", "N"])];

    private static readonly (string Key, string[] Values)[] V3Optional =
        [("E", ["X", "H", "F", "P", "U"]), ("RL", ["X", "U", "W", "T", "O"]), ("RC", ["X", "C", "R", "U"]),
         ("CR", ["X", "H", "M", "L"]), ("IR", ["X", "H", "M", "L"]), ("AR", ["X", "H", "M", "L"]),
         ("MAV", ["X", "N", "A", "L", "P"]), ("MAC", ["X", "L", "H"]), ("MPR", ["X", "N", "L", "H"]), ("MUI", ["X", "N", "R"]), ("MS", ["X", "U", "C"]),
         ("MC", ["X", "H", "L", "N"]), ("MI", ["X", "H", "L", "N"]), ("MA", ["X", "H", "L", "N"])];

    private static readonly (string Key, string[] Values)[] V4Base =
        [("AV", ["N", "A", "L", "P"]), ("AC", ["L", "H"]), ("AT", ["N", "P"]), ("PR", ["N", "L", "H"]), ("UI", ["N", "P", "A"]),
         ("VC", ["H", "L", "N"]), ("VI", ["H", "L", "N"]), ("VA", ["H", "L", "N"]), ("SC", ["H", "L", "N"]), ("SI", ["H", "L", "N"]), ("SA", ["H", "L", "N"])];

    private static readonly (string Key, string[] Values)[] V4Optional =
        [("E", ["X", "A", "P", "U"]), ("CR", ["X", "H", "M", "L"]), ("IR", ["X", "H", "M", "L"]), ("AR", ["X", "H", "M", "L"]),
         ("MAV", ["X", "N", "A", "L", "P"]), ("MAC", ["X", "L", "H"]), ("MAT", ["X", "N", "P"]), ("MPR", ["X", "N", "L", "H"]), ("MUI", ["X", "N", "P", "A"]),
         ("MVC", ["X", "N", "L", "H"]), ("MVI", ["X", "N", "L", "H"]), ("MVA", ["X", "N", "L", "H"]), ("MSC", ["X", "N", "L", "H"]),
         ("MSI", ["X", "N", "L", "H", "S"]), ("MSA", ["X", "N", "L", "H", "S"]),
         ("S", ["X", "N", "P"]), ("AU", ["X", "N", "Y"]), ("R", ["X", "A", "U", "I"]), ("V", ["X", "D", "C"]), ("RE", ["X", "L", "M", "H"]), ("U", ["X", "Clear", "Green", "Amber", "Red"])];

    private readonly Random _random = new(seed);

    public static string Prefix(CvssVersion version) => version switch
    {
        CvssVersion.V2 => "",
        CvssVersion.V3_0 => "CVSS:3.0/",
        CvssVersion.V3_1 => "CVSS:3.1/",
        _ => "CVSS:4.0/",
    };

    /// <summary>A valid vector: every base metric, a random subset of the others (explicit X/ND included), shuffled where the spec allows it (v3.x).</summary>
    public string Valid(CvssVersion version) => Prefix(version) + string.Join('/', ValidParts(version));

    /// <summary>An invalid vector of a random kind.</summary>
    public InvalidVector Invalid(CvssVersion version)
    {
        var parts = ValidParts(version);
        var prefix = Prefix(version);
        var kind = _random.Next(version is CvssVersion.V2 or CvssVersion.V4_0 ? 7 : 6);
        switch (kind)
        {
            case 0:
                var i = _random.Next(parts.Count);
                var key = parts[i][..parts[i].IndexOf(':', StringComparison.Ordinal)];
                parts[i] = $"{key}:Q";
                return new(prefix + string.Join('/', parts), "invalid value", parts[i]);
            case 1:
                parts.Insert(_random.Next(parts.Count + 1), "XY:Z");
                return new(prefix + string.Join('/', parts), "unknown metric", "XY:Z");
            case 2:
                var duplicate = parts[_random.Next(parts.Count)];
                parts.Add(duplicate);
                return new(prefix + string.Join('/', parts), "duplicate", duplicate[..duplicate.IndexOf(':', StringComparison.Ordinal)]);
            case 3:
                var baseKeys = BaseOf(version).Select(m => m.Key).ToList();
                var missing = baseKeys[_random.Next(baseKeys.Count)];
                parts.RemoveAll(p => p.StartsWith(missing + ":", StringComparison.Ordinal));
                return new(prefix + string.Join('/', parts), "missing base metric", missing);
            case 4:
                parts.Insert(_random.Next(1, parts.Count), "");
                return new(prefix + string.Join('/', parts), "empty part", "");
            case 5:
                var wrong = version == CvssVersion.V4_0 ? "CVSS:4.1" : version == CvssVersion.V2 ? "CVSS:2.1" : "CVSS:3.2";
                return new($"{wrong}/{string.Join('/', parts)}", "unknown prefix", wrong);
            default:
                // Fixed order (v2 guide §2.4, v4.0 spec §7): swap two neighbours; the one that moved back is out of order.
                var at = _random.Next(parts.Count - 1);
                (parts[at], parts[at + 1]) = (parts[at + 1], parts[at]);
                return new(prefix + string.Join('/', parts), "out of order", parts[at + 1]);
        }
    }

    private List<string> ValidParts(CvssVersion version)
    {
        var parts = BaseOf(version).Select(m => $"{m.Key}:{Pick(m.Values)}").ToList();
        var optional = OptionalOf(version);

        // A third of the vectors are base-only; the rest take each optional metric with probability 0.2–0.6.
        if (_random.Next(3) > 0)
        {
            var density = 0.2 + (_random.NextDouble() * 0.4);
            parts.AddRange(optional.Where(_ => _random.NextDouble() < density).Select(m => $"{m.Key}:{Pick(m.Values)}"));
        }

        if (version is CvssVersion.V3_0 or CvssVersion.V3_1 && _random.Next(2) == 0)
        {
            // v3.1 spec §6: "Programs reading CVSS v3.1 vector strings must accept metrics in any order".
            _random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(parts));
        }

        return parts;
    }

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private static (string Key, string[] Values)[] BaseOf(CvssVersion version) =>
        version switch { CvssVersion.V2 => V2Base, CvssVersion.V4_0 => V4Base, _ => V3Base };

    private static (string Key, string[] Values)[] OptionalOf(CvssVersion version) =>
        version switch { CvssVersion.V2 => V2Optional, CvssVersion.V4_0 => V4Optional, _ => V3Optional };
}
