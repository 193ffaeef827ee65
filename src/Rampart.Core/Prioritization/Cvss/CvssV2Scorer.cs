namespace Rampart.Core.Prioritization.Cvss;

/// <summary>
/// CVSS v2.0 equations (complete guide §3.2.1–§3.2.3), in decimal arithmetic: the guide's constants are decimal
/// fractions and its round_to_1_decimal is meant exactly, so a tie like 8.265 rounds up as the guide's worked
/// examples do (in binary floating point 10 × 0.95 × 0.87 is 8.2649…, which would round down).
/// </summary>
internal static class CvssV2Scorer
{
    // Guide §3.2.1–§3.2.3 metric values, indexed like CvssMetricTables.V2 (the last entry of each optional metric is ND).
    private static readonly decimal[] AccessVector = [0.395m, 0.646m, 1.0m];
    private static readonly decimal[] AccessComplexity = [0.35m, 0.61m, 0.71m];
    private static readonly decimal[] Authentication = [0.45m, 0.56m, 0.704m];
    private static readonly decimal[] Impact = [0.0m, 0.275m, 0.660m];
    private static readonly decimal[] Exploitability = [0.85m, 0.90m, 0.95m, 1.00m, 1.00m];
    private static readonly decimal[] RemediationLevel = [0.87m, 0.90m, 0.95m, 1.00m, 1.00m];
    private static readonly decimal[] ReportConfidence = [0.90m, 0.95m, 1.00m, 1.00m];
    private static readonly decimal[] CollateralDamage = [0m, 0.1m, 0.3m, 0.4m, 0.5m, 0m];
    private static readonly decimal[] TargetDistribution = [0m, 0.25m, 0.75m, 1.0m, 1.0m];
    private static readonly decimal[] Requirement = [0.5m, 1.0m, 1.51m, 1.0m];

    private static readonly CvssMetricSet Set = CvssMetricTables.V2;
    private static readonly int Av = Set.RequiredSlot("AV"), Ac = Set.RequiredSlot("AC"), Au = Set.RequiredSlot("Au");
    private static readonly int C = Set.RequiredSlot("C"), I = Set.RequiredSlot("I"), A = Set.RequiredSlot("A");
    private static readonly int E = Set.RequiredSlot("E"), Rl = Set.RequiredSlot("RL"), Rc = Set.RequiredSlot("RC");
    private static readonly int Cdp = Set.RequiredSlot("CDP"), Td = Set.RequiredSlot("TD");
    private static readonly int Cr = Set.RequiredSlot("CR"), Ir = Set.RequiredSlot("IR"), Ar = Set.RequiredSlot("AR");

    public static CvssScores Score(CvssVector vector)
    {
        var c = Impact[vector.ValueIndex(C)];
        var i = Impact[vector.ValueIndex(I)];
        var a = Impact[vector.ValueIndex(A)];
        var exploitability = 20m * Value(vector, AccessVector, Av) * Value(vector, AccessComplexity, Ac) * Value(vector, Authentication, Au);
        var temporalFactor = Value(vector, Exploitability, E) * Value(vector, RemediationLevel, Rl) * Value(vector, ReportConfidence, Rc);

        // §3.2.1
        var baseScore = BaseEquation(10.41m * (1 - ((1 - c) * (1 - i) * (1 - a))), exploitability);

        // §3.2.2
        decimal? temporal = vector.HasDefined(CvssMetricGroup.Temporal) ? Round1(baseScore * temporalFactor) : null;

        // §3.2.3: AdjustedTemporal is the temporal equation over AdjustedBase, each rounded as the guide's equations are.
        decimal? environmental = null;
        if (vector.HasDefined(CvssMetricGroup.Environmental))
        {
            var adjustedImpact = Math.Min(10m, 10.41m * (1 - ((1 - (c * Value(vector, Requirement, Cr)))
                * (1 - (i * Value(vector, Requirement, Ir))) * (1 - (a * Value(vector, Requirement, Ar))))));
            var adjustedTemporal = Round1(BaseEquation(adjustedImpact, exploitability) * temporalFactor);
            environmental = Round1((adjustedTemporal + ((10 - adjustedTemporal) * Value(vector, CollateralDamage, Cdp)))
                * Value(vector, TargetDistribution, Td));
        }

        var score = environmental ?? temporal ?? baseScore;
        var kind = environmental is not null ? "environmental" : temporal is not null ? "temporal" : "base";
        return new CvssScores
        {
            Version = CvssVersion.V2,
            Vector = vector.Text,
            BaseScore = (double)baseScore,
            TemporalScore = (double?)temporal,
            EnvironmentalScore = (double?)environmental,
            Score = (double)score,
            ScoreKind = kind,
            Severity = Cvss.SeverityOf(CvssVersion.V2, (double)score),
            BaseSeverity = Cvss.SeverityOf(CvssVersion.V2, (double)baseScore),
        };
    }

    private static decimal BaseEquation(decimal impact, decimal exploitability) =>
        impact == 0 ? 0 : Round1(((0.6m * impact) + (0.4m * exploitability) - 1.5m) * 1.176m);

    private static decimal Round1(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    /// <summary>The weight of a metric's value; an absent optional metric weighs as not defined (its last entry).</summary>
    private static decimal Value(CvssVector vector, decimal[] weights, int slot)
    {
        var index = vector.ValueIndex(slot);
        return weights[index < 0 ? weights.Length - 1 : index];
    }
}
