namespace Rampart.Core.Prioritization.Cvss;

/// <summary>
/// The metric tables of the specifications: v2 guide §2.4 Table 12 (predetermined order), v3.0/v3.1 spec §6
/// Table 15 (any order), v4.0 spec §7 Table 23 (fixed order, "every other ordering is invalid").
/// </summary>
internal static class CvssMetricTables
{
    private static readonly string[] ThreeLevels = ["H", "L", "N"];

    public static CvssMetricSet V2 { get; } = new("CVSS v2.0", orderRequired: true,
    [
        new("AV", ["L", "A", "N"], CvssMetricGroup.Base),
        new("AC", ["H", "M", "L"], CvssMetricGroup.Base),
        new("Au", ["M", "S", "N"], CvssMetricGroup.Base),
        new("C", ["N", "P", "C"], CvssMetricGroup.Base),
        new("I", ["N", "P", "C"], CvssMetricGroup.Base),
        new("A", ["N", "P", "C"], CvssMetricGroup.Base),
        new("E", ["U", "POC", "F", "H", "ND"], CvssMetricGroup.Temporal, "ND"),
        new("RL", ["OF", "TF", "W", "U", "ND"], CvssMetricGroup.Temporal, "ND"),
        new("RC", ["UC", "UR", "C", "ND"], CvssMetricGroup.Temporal, "ND"),
        new("CDP", ["N", "L", "LM", "MH", "H", "ND"], CvssMetricGroup.Environmental, "ND"),
        new("TD", ["N", "L", "M", "H", "ND"], CvssMetricGroup.Environmental, "ND"),
        new("CR", ["L", "M", "H", "ND"], CvssMetricGroup.Environmental, "ND"),
        new("IR", ["L", "M", "H", "ND"], CvssMetricGroup.Environmental, "ND"),
        new("AR", ["L", "M", "H", "ND"], CvssMetricGroup.Environmental, "ND"),
    ]);

    // Modified metrics list "X" first, then the base metric's values in the base metric's order,
    // so that a modified value's index minus one is the base value it stands for.
    public static CvssMetricSet V3 { get; } = new("CVSS v3.x", orderRequired: false,
    [
        new("AV", ["N", "A", "L", "P"], CvssMetricGroup.Base),
        new("AC", ["L", "H"], CvssMetricGroup.Base),
        new("PR", ["N", "L", "H"], CvssMetricGroup.Base),
        new("UI", ["N", "R"], CvssMetricGroup.Base),
        new("S", ["U", "C"], CvssMetricGroup.Base),
        new("C", ThreeLevels, CvssMetricGroup.Base),
        new("I", ThreeLevels, CvssMetricGroup.Base),
        new("A", ThreeLevels, CvssMetricGroup.Base),
        new("E", ["X", "H", "F", "P", "U"], CvssMetricGroup.Temporal, "X"),
        new("RL", ["X", "U", "W", "T", "O"], CvssMetricGroup.Temporal, "X"),
        new("RC", ["X", "C", "R", "U"], CvssMetricGroup.Temporal, "X"),
        new("CR", ["X", "H", "M", "L"], CvssMetricGroup.Environmental, "X"),
        new("IR", ["X", "H", "M", "L"], CvssMetricGroup.Environmental, "X"),
        new("AR", ["X", "H", "M", "L"], CvssMetricGroup.Environmental, "X"),
        new("MAV", ["X", "N", "A", "L", "P"], CvssMetricGroup.Environmental, "X"),
        new("MAC", ["X", "L", "H"], CvssMetricGroup.Environmental, "X"),
        new("MPR", ["X", "N", "L", "H"], CvssMetricGroup.Environmental, "X"),
        new("MUI", ["X", "N", "R"], CvssMetricGroup.Environmental, "X"),
        new("MS", ["X", "U", "C"], CvssMetricGroup.Environmental, "X"),
        new("MC", ["X", "H", "L", "N"], CvssMetricGroup.Environmental, "X"),
        new("MI", ["X", "H", "L", "N"], CvssMetricGroup.Environmental, "X"),
        new("MA", ["X", "H", "L", "N"], CvssMetricGroup.Environmental, "X"),
    ]);

    // Base values are listed from most to least severe, the order of the v4.0 severity distances (spec §8.2);
    // MSI/MSA add "S" (safety) after the base values.
    public static CvssMetricSet V4 { get; } = new("CVSS v4.0", orderRequired: true,
    [
        new("AV", ["N", "A", "L", "P"], CvssMetricGroup.Base),
        new("AC", ["L", "H"], CvssMetricGroup.Base),
        new("AT", ["N", "P"], CvssMetricGroup.Base),
        new("PR", ["N", "L", "H"], CvssMetricGroup.Base),
        new("UI", ["N", "P", "A"], CvssMetricGroup.Base),
        new("VC", ThreeLevels, CvssMetricGroup.Base),
        new("VI", ThreeLevels, CvssMetricGroup.Base),
        new("VA", ThreeLevels, CvssMetricGroup.Base),
        new("SC", ThreeLevels, CvssMetricGroup.Base),
        new("SI", ThreeLevels, CvssMetricGroup.Base),
        new("SA", ThreeLevels, CvssMetricGroup.Base),
        new("E", ["X", "A", "P", "U"], CvssMetricGroup.Temporal, "X"),
        new("CR", ["X", "H", "M", "L"], CvssMetricGroup.Environmental, "X"),
        new("IR", ["X", "H", "M", "L"], CvssMetricGroup.Environmental, "X"),
        new("AR", ["X", "H", "M", "L"], CvssMetricGroup.Environmental, "X"),
        new("MAV", ["X", "N", "A", "L", "P"], CvssMetricGroup.Environmental, "X"),
        new("MAC", ["X", "L", "H"], CvssMetricGroup.Environmental, "X"),
        new("MAT", ["X", "N", "P"], CvssMetricGroup.Environmental, "X"),
        new("MPR", ["X", "N", "L", "H"], CvssMetricGroup.Environmental, "X"),
        new("MUI", ["X", "N", "P", "A"], CvssMetricGroup.Environmental, "X"),
        new("MVC", ["X", "H", "L", "N"], CvssMetricGroup.Environmental, "X"),
        new("MVI", ["X", "H", "L", "N"], CvssMetricGroup.Environmental, "X"),
        new("MVA", ["X", "H", "L", "N"], CvssMetricGroup.Environmental, "X"),
        new("MSC", ["X", "H", "L", "N"], CvssMetricGroup.Environmental, "X"),
        new("MSI", ["X", "H", "L", "N", "S"], CvssMetricGroup.Environmental, "X"),
        new("MSA", ["X", "H", "L", "N", "S"], CvssMetricGroup.Environmental, "X"),
        new("S", ["X", "N", "P"], CvssMetricGroup.Supplemental, "X"),
        new("AU", ["X", "N", "Y"], CvssMetricGroup.Supplemental, "X"),
        new("R", ["X", "A", "U", "I"], CvssMetricGroup.Supplemental, "X"),
        new("V", ["X", "D", "C"], CvssMetricGroup.Supplemental, "X"),
        new("RE", ["X", "L", "M", "H"], CvssMetricGroup.Supplemental, "X"),
        new("U", ["X", "Clear", "Green", "Amber", "Red"], CvssMetricGroup.Supplemental, "X"),
    ]);

    public static CvssMetricSet For(CvssVersion version) => version switch
    {
        CvssVersion.V2 => V2,
        CvssVersion.V4_0 => V4,
        _ => V3,
    };
}
