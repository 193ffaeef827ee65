using H = Rampart.Core.Prioritization.Cvss.CvssV4HighestVectors;

namespace Rampart.Core.Prioritization.Cvss;

/// <summary>
/// CVSS v4.0 scoring (spec §8.2): the MacroVector's score from the lookup table, minus the mean proportional
/// severity distance to the next lower MacroVector of each EQ, rounded to one decimal as FIRST's calculator does.
/// Every nomenclature (CVSS-B, -BT, -BE, -BTE) is the same computation over a subset of the metrics.
/// </summary>
internal static class CvssV4Scorer
{
    // FIRST's calculator lifts the value by 1e-6 before rounding half up, so that x.x4999999… from the
    // interpolation arithmetic rounds as the exact x.x5 would.
    private const double RoundingEpsilon = 1e-6;

    private static readonly CvssMetricSet Set = CvssMetricTables.V4;
    private static readonly string[] Base = ["AV", "PR", "UI", "AC", "AT", "VC", "VI", "VA", "SC", "SI", "SA"];
    private static readonly int[] BaseSlots = [.. Base.Select(Set.RequiredSlot)];
    private static readonly int[] ModifiedSlots = [.. Base.Select(key => Set.RequiredSlot("M" + key))];
    private static readonly int[] RequirementSlots = [Set.RequiredSlot("CR"), Set.RequiredSlot("IR"), Set.RequiredSlot("AR")];
    private static readonly int ExploitSlot = Set.RequiredSlot("E");

    public static CvssScores Score(CvssVector vector)
    {
        var threat = vector.HasDefined(CvssMetricGroup.Temporal);
        var environmental = vector.HasDefined(CvssMetricGroup.Environmental);
        var b = Score(vector, threat: false, environmental: false);
        double? bt = threat ? Score(vector, threat: true, environmental: false) : null;
        double? be = environmental ? Score(vector, threat: false, environmental: true) : null;
        double? bte = threat && environmental ? Score(vector, threat: true, environmental: true) : null;
        var score = bte ?? be ?? bt ?? b;
        return new CvssScores
        {
            Version = CvssVersion.V4_0,
            Vector = vector.Text,
            BaseScore = b,
            TemporalScore = bt,
            EnvironmentalScore = bte ?? be,
            BaseThreatScore = bt,
            BaseEnvironmentalScore = be,
            BaseThreatEnvironmentalScore = bte,
            Score = score,
            ScoreKind = bte is not null ? "CVSS-BTE" : be is not null ? "CVSS-BE" : bt is not null ? "CVSS-BT" : "CVSS-B",
            Severity = Cvss.SeverityOf(CvssVersion.V4_0, score),
            BaseSeverity = Cvss.SeverityOf(CvssVersion.V4_0, b),
        };
    }

    /// <summary>The score over the base metrics plus, when asked, the threat and the environmental metrics.</summary>
    internal static double Score(CvssVector vector, bool threat, bool environmental)
    {
        // Effective value indices (spec §4.2: a modified metric other than X replaces its base metric), in Base order.
        Span<int> value = stackalloc int[11];
        for (var i = 0; i < value.Length; i++)
        {
            var modified = environmental ? vector.ValueIndex(ModifiedSlots[i]) : -1;
            value[i] = modified > 0 ? modified - 1 : vector.ValueIndex(BaseSlots[i]);
        }

        // VC..SA index H0 L1 N2 (SI/SA also S3); with no impact at all the score is 0 (FIRST's shortcut).
        if (value[5] == 2 && value[6] == 2 && value[7] == 2 && value[8] == 2 && value[9] == 2 && value[10] == 2)
        {
            return 0;
        }

        // Spec §8.2 Table 28: E:X is E:A; Table 29: CR/IR/AR:X are H. Values X,A,P,U and X,H,M,L: level = index − 1.
        var exploit = threat ? Math.Max(0, vector.ValueIndex(ExploitSlot) - 1) : 0;
        Span<int> requirement = stackalloc int[3];
        for (var i = 0; i < 3; i++)
        {
            requirement[i] = environmental ? Math.Max(0, vector.ValueIndex(RequirementSlots[i]) - 1) : 0;
        }

        int av = value[0], pr = value[1], ui = value[2], ac = value[3], at = value[4];
        int vc = value[5], vi = value[6], va = value[7], sc = value[8], si = value[9], sa = value[10];

        // Tables 24–29 (index 0 of each metric is its most severe value: N for AV/PR/UI, L for AC, N for AT, H for impacts).
        var eq1 = av == 0 && pr == 0 && ui == 0 ? 0 : (av == 0 || pr == 0 || ui == 0) && av != 3 ? 1 : 2;
        var eq2 = ac == 0 && at == 0 ? 0 : 1;
        var eq3 = vc == 0 && vi == 0 ? 0 : vc == 0 || vi == 0 || va == 0 ? 1 : 2;
        var eq4 = si == 3 || sa == 3 ? 0 : sc == 0 || si == 0 || sa == 0 ? 1 : 2;
        var eq5 = exploit;
        var eq6 = (requirement[0] == 0 && vc == 0) || (requirement[1] == 0 && vi == 0) || (requirement[2] == 0 && va == 0) ? 0 : 1;

        var macro = CvssV4MacroVectors.Lookup(eq1, eq2, eq3, eq4, eq5, eq6);
        var lower1 = CvssV4MacroVectors.Lookup(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
        var lower2 = CvssV4MacroVectors.Lookup(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
        var lower4 = CvssV4MacroVectors.Lookup(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
        var lower5 = CvssV4MacroVectors.Lookup(eq1, eq2, eq3, eq4, eq5 + 1, eq6);
        var lower36 = NextLowerEq3Eq6(eq1, eq2, eq3, eq4, eq5, eq6);

        // Severity levels (0 = most severe) for the distances; SC counts from 1, SI/SA put S at 0.
        Span<int> levels1 = [av, pr, ui];
        Span<int> levels2 = [ac, at];
        Span<int> levels36 = [vc, vi, va, requirement[0], requirement[1], requirement[2]];
        Span<int> levels4 = [sc + 1, si == 3 ? 0 : si + 1, sa == 3 ? 0 : sa + 1];

        var joint = (eq3 * 2) + eq6;
        var proportions = 0.0;
        var lowerCount = 0;
        Add(macro - lower1, H.Distance(levels1, H.Eq1[eq1]), H.Eq1Depth[eq1], ref proportions, ref lowerCount);
        Add(macro - lower2, H.Distance(levels2, H.Eq2[eq2]), H.Eq2Depth[eq2], ref proportions, ref lowerCount);
        Add(macro - lower36, H.Distance(levels36, H.Eq3Eq6[joint]), H.Eq3Eq6Depth[joint], ref proportions, ref lowerCount);
        Add(macro - lower4, H.Distance(levels4, H.Eq4[eq4]), H.Eq4Depth[eq4], ref proportions, ref lowerCount);

        // EQ5 (exploit maturity) has no distance inside a MacroVector but still counts in the mean when a lower one exists.
        if (!double.IsNaN(macro - lower5))
        {
            lowerCount++;
        }

        var score = macro - (lowerCount == 0 ? 0 : proportions / lowerCount);
        score = Math.Clamp(score, 0, 10);
        return Math.Round((score + RoundingEpsilon) * 10, MidpointRounding.AwayFromZero) / 10;
    }

    private static void Add(double available, int distance, int depth, ref double proportions, ref int count)
    {
        if (double.IsNaN(available))
        {
            return;
        }

        count++;
        proportions += available * distance / depth;
    }

    // Spec §8.2, Table 30: the joint EQ3+EQ6 level steps 00→01 or 10 (the higher scoring), 01→11, 10→11, 11→21.
    private static double NextLowerEq3Eq6(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) => (eq3, eq6) switch
    {
        (0, 0) => HigherOf(
            CvssV4MacroVectors.Lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1),
            CvssV4MacroVectors.Lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6)),
        (0, 1) or (1, 1) => CvssV4MacroVectors.Lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6),
        (1, 0) => CvssV4MacroVectors.Lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1),
        _ => double.NaN,
    };

    private static double HigherOf(double left, double right) => left > right ? left : right;
}
