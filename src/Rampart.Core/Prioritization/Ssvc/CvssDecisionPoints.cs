using Rampart.Core.Prioritization.Cvss;

namespace Rampart.Core.Prioritization.Ssvc;

/// <summary>What a CVSS vector tells the SSVC tree: automatable, technical impact and exploit maturity.</summary>
/// <param name="Automatable">Steps 1-4 of the kill chain can be automated: reachable over the network, low complexity, no privileges, no user.</param>
/// <param name="AutomatableParts">The metrics that decided it, e.g. "AV:N/AC:L/PR:N/UI:N".</param>
/// <param name="ImpactParts">The metrics that decided the technical impact, e.g. "C:H/I:H".</param>
/// <param name="Exploitation">What the vector's exploit maturity metric says, when it gives one.</param>
public sealed record CvssDecisionPoints(
    bool Automatable, string AutomatableParts, TechnicalImpact TechnicalImpact, string ImpactParts, Exploitation? Exploitation, string? ExploitationPart)
{
    /// <summary>Reads the decision points of a parsed vector; modified (environmental) metrics win over base ones.</summary>
    public static CvssDecisionPoints From(CvssVector vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        return vector.Version switch
        {
            CvssVersion.V2 => FromV2(vector),
            CvssVersion.V4_0 => FromV4(vector),
            _ => FromV3(vector),
        };
    }

    private static CvssDecisionPoints FromV3(CvssVector v)
    {
        string av = Effective(v, "AV"), ac = Effective(v, "AC"), pr = Effective(v, "PR"), ui = Effective(v, "UI");
        string c = Effective(v, "C"), i = Effective(v, "I");
        var automatable = av == "N" && ac == "L" && pr == "N" && ui == "N";

        // CVSS v3 spec §3.1 exploit code maturity: U unproven; P proof of concept; F functional; H high (autonomous code).
        var exploitation = v.Metric("E") switch
        {
            "P" or "F" or "H" => Ssvc.Exploitation.PublicPoc,
            "U" => Ssvc.Exploitation.None,
            _ => (Exploitation?)null,
        };
        return new CvssDecisionPoints(
            automatable, $"AV:{av}/AC:{ac}/PR:{pr}/UI:{ui}", Impact(c, i, pr == "N"), $"PR:{pr}/C:{c}/I:{i}",
            exploitation, exploitation is null ? null : $"E:{v.Metric("E")}");
    }

    private static CvssDecisionPoints FromV4(CvssVector v)
    {
        string av = Effective(v, "AV"), ac = Effective(v, "AC"), at = Effective(v, "AT"), pr = Effective(v, "PR"), ui = Effective(v, "UI");
        string c = Effective(v, "VC"), i = Effective(v, "VI");
        var automatable = av == "N" && ac == "L" && at == "N" && pr == "N" && ui == "N";

        // CVSS v4.0 spec §3.1 Exploit Maturity: A attacked, P proof of concept, U unreported.
        var exploitation = v.Metric("E") switch
        {
            "A" => Ssvc.Exploitation.Active,
            "P" => Ssvc.Exploitation.PublicPoc,
            "U" => Ssvc.Exploitation.None,
            _ => (Exploitation?)null,
        };
        return new CvssDecisionPoints(
            automatable, $"AV:{av}/AC:{ac}/AT:{at}/PR:{pr}/UI:{ui}", Impact(c, i, pr == "N"), $"PR:{pr}/VC:{c}/VI:{i}",
            exploitation, exploitation is null ? null : $"E:{v.Metric("E")}");
    }

    private static CvssDecisionPoints FromV2(CvssVector v)
    {
        string av = Effective(v, "AV"), ac = Effective(v, "AC"), au = Effective(v, "Au");

        // v2 impacts are None/Partial/Complete; Complete plays the part of v3's High and Partial of Low.
        string c = Level(Effective(v, "C")), i = Level(Effective(v, "I"));
        var automatable = av == "N" && ac == "L" && au == "N";
        var exploitation = v.Metric("E") switch
        {
            "POC" or "F" or "H" => Ssvc.Exploitation.PublicPoc,
            "U" => Ssvc.Exploitation.None,
            _ => (Exploitation?)null,
        };
        return new CvssDecisionPoints(
            automatable, $"AV:{av}/AC:{ac}/Au:{au}", Impact(c, i, au == "N"), $"Au:{au}/C:{Effective(v, "C")}/I:{Effective(v, "I")}",
            exploitation, exploitation is null ? null : $"E:{v.Metric("E")}");

        static string Level(string value) => value switch { "C" => "H", "P" => "L", _ => "N" };
    }

    /// <summary>
    /// Total when the attacker gains high confidentiality and integrity impact, or, needing no privileges, high on one
    /// and at least low on the other: the mapping CERT/CC publishes from CVSS v4 (PR, VC, VI) to Technical Impact,
    /// applied to each version's equivalent metrics.
    /// </summary>
    private static TechnicalImpact Impact(string c, string i, bool noPrivileges) =>
        (c, i) switch
        {
            ("H", "H") => TechnicalImpact.Total,
            ("H", "L") or ("L", "H") when noPrivileges => TechnicalImpact.Total,
            _ => TechnicalImpact.Partial,
        };

    /// <summary>The modified metric (environmental group) when set, else the base metric.</summary>
    private static string Effective(CvssVector vector, string metric) =>
        vector.Metric("M" + metric) is { } modified && modified != "X" && !(vector.Version == CvssVersion.V2)
            ? modified
            : vector.Metric(metric) ?? "X";
}
