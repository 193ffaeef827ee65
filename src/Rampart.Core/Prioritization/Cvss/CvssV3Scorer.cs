namespace Rampart.Core.Prioritization.Cvss;

/// <summary>
/// CVSS v3.0 and v3.1 equations (spec §7.1–§7.3, metric values §7.4). The versions differ in two places:
/// Roundup (v3.1 Appendix A works on integers; v3.0 takes the ceiling of the binary product) and the modified
/// impact under a changed scope (v3.1 §7.3 raises MISS × 0.9731 − 0.02 to the 13th power, v3.0 MISS − 0.02 to the 15th).
/// </summary>
internal static class CvssV3Scorer
{
    // §7.4 metric values, indexed like CvssMetricTables.V3 (modified metrics: index − 1 is the base value).
    private static readonly double[] AttackVector = [0.85, 0.62, 0.55, 0.2];
    private static readonly double[] AttackComplexity = [0.77, 0.44];
    private static readonly double[] PrivilegesUnchanged = [0.85, 0.62, 0.27];
    private static readonly double[] PrivilegesChanged = [0.85, 0.68, 0.5];
    private static readonly double[] UserInteraction = [0.85, 0.62];
    private static readonly double[] Impact = [0.56, 0.22, 0];
    private static readonly double[] ExploitMaturity = [1, 1, 0.97, 0.94, 0.91];
    private static readonly double[] RemediationLevel = [1, 1, 0.97, 0.96, 0.95];
    private static readonly double[] ReportConfidence = [1, 1, 0.96, 0.92];
    private static readonly double[] Requirement = [1, 1.5, 1, 0.5];

    private static readonly CvssMetricSet Set = CvssMetricTables.V3;
    private static readonly int Av = Set.RequiredSlot("AV"), Ac = Set.RequiredSlot("AC"), Pr = Set.RequiredSlot("PR");
    private static readonly int Ui = Set.RequiredSlot("UI"), S = Set.RequiredSlot("S");
    private static readonly int C = Set.RequiredSlot("C"), I = Set.RequiredSlot("I"), A = Set.RequiredSlot("A");
    private static readonly int E = Set.RequiredSlot("E"), Rl = Set.RequiredSlot("RL"), Rc = Set.RequiredSlot("RC");
    private static readonly int Cr = Set.RequiredSlot("CR"), Ir = Set.RequiredSlot("IR"), Ar = Set.RequiredSlot("AR");
    private static readonly int Mav = Set.RequiredSlot("MAV"), Mac = Set.RequiredSlot("MAC"), Mpr = Set.RequiredSlot("MPR");
    private static readonly int Mui = Set.RequiredSlot("MUI"), Ms = Set.RequiredSlot("MS");
    private static readonly int Mc = Set.RequiredSlot("MC"), Mi = Set.RequiredSlot("MI"), Ma = Set.RequiredSlot("MA");

    public static CvssScores Score(CvssVector vector)
    {
        var v31 = vector.Version == CvssVersion.V3_1;
        var changed = vector.ValueIndex(S) == 1;

        // §7.1 base equations
        var iss = 1 - ((1 - Impact[vector.ValueIndex(C)]) * (1 - Impact[vector.ValueIndex(I)]) * (1 - Impact[vector.ValueIndex(A)]));
        var impact = changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        var exploitability = 8.22 * AttackVector[vector.ValueIndex(Av)] * AttackComplexity[vector.ValueIndex(Ac)]
            * (changed ? PrivilegesChanged : PrivilegesUnchanged)[vector.ValueIndex(Pr)] * UserInteraction[vector.ValueIndex(Ui)];
        var baseScore = impact <= 0 ? 0 : Roundup(Math.Min((changed ? 1.08 : 1) * (impact + exploitability), 10), v31);

        // §7.2 temporal equation; an absent temporal metric is X (weight 1).
        var temporalFactor = Weight(vector, ExploitMaturity, E) * Weight(vector, RemediationLevel, Rl) * Weight(vector, ReportConfidence, Rc);
        double? temporal = vector.HasDefined(CvssMetricGroup.Temporal) ? Roundup(baseScore * temporalFactor, v31) : null;

        double? environmental = vector.HasDefined(CvssMetricGroup.Environmental)
            ? Environmental(vector, v31, temporalFactor)
            : null;

        var score = environmental ?? temporal ?? baseScore;
        return new CvssScores
        {
            Version = vector.Version,
            Vector = vector.Text,
            BaseScore = baseScore,
            TemporalScore = temporal,
            EnvironmentalScore = environmental,
            Score = score,
            ScoreKind = environmental is not null ? "environmental" : temporal is not null ? "temporal" : "base",
            Severity = Cvss.SeverityOf(vector.Version, score),
            BaseSeverity = Cvss.SeverityOf(vector.Version, baseScore),
        };
    }

    // §7.3 environmental equations: modified base metrics default to their base values.
    private static double Environmental(CvssVector vector, bool v31, double temporalFactor)
    {
        var changed = Effective(vector, Ms, S) == 1;
        var miss = Math.Min(
            1 - ((1 - (Weight(vector, Requirement, Cr) * Impact[Effective(vector, Mc, C)]))
                * (1 - (Weight(vector, Requirement, Ir) * Impact[Effective(vector, Mi, I)]))
                * (1 - (Weight(vector, Requirement, Ar) * Impact[Effective(vector, Ma, A)]))),
            0.915);
        var modifiedImpact = !changed
            ? 6.42 * miss
            : v31
                ? (7.52 * (miss - 0.029)) - (3.25 * Math.Pow((miss * 0.9731) - 0.02, 13))
                : (7.52 * (miss - 0.029)) - (3.25 * Math.Pow(miss - 0.02, 15));
        var modifiedExploitability = 8.22 * AttackVector[Effective(vector, Mav, Av)] * AttackComplexity[Effective(vector, Mac, Ac)]
            * (changed ? PrivilegesChanged : PrivilegesUnchanged)[Effective(vector, Mpr, Pr)] * UserInteraction[Effective(vector, Mui, Ui)];
        if (modifiedImpact <= 0)
        {
            return 0;
        }

        var modifiedBase = Roundup(Math.Min((changed ? 1.08 : 1) * (modifiedImpact + modifiedExploitability), 10), v31);
        return Roundup(modifiedBase * temporalFactor, v31);
    }

    /// <summary>v3.1 Appendix A Roundup (integer arithmetic) or the v3.0 §7.5 round up (ceiling of value × 10).</summary>
    internal static double Roundup(double value, bool v31)
    {
        if (!v31)
        {
            return Math.Ceiling(value * 10) / 10;
        }

        var integer = (long)Math.Round(value * 100_000, MidpointRounding.AwayFromZero);
        return integer % 10_000 == 0 ? integer / 100_000.0 : (Math.Floor(integer / 10_000.0) + 1) / 10.0;
    }

    private static double Weight(CvssVector vector, double[] weights, int slot)
    {
        var index = vector.ValueIndex(slot);
        return weights[index < 0 ? 0 : index];
    }

    /// <summary>The base value index a modified metric stands for: its own value unless absent or X.</summary>
    private static int Effective(CvssVector vector, int modifiedSlot, int baseSlot)
    {
        var modified = vector.ValueIndex(modifiedSlot);
        return modified > 0 ? modified - 1 : vector.ValueIndex(baseSlot);
    }
}
