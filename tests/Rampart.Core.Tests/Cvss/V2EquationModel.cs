using System.Globalization;
using System.Numerics;
using Rampart.Core.Prioritization.Cvss;

namespace Rampart.Core.Tests.Cvss;

/// <summary>v2 scores from one model of the equations, for the v2 differential comparison.</summary>
internal sealed record V2ModelScores(double Base, double? Temporal, double? Environmental);

/// <summary>
/// The CVSS v2 equations (guide §3.2.1–§3.2.3) written once, generic over the arithmetic (binary double or exact
/// decimal) and over the one rule where ae-cvss-calculator 1.0.13 departs from the guide (read from its Cvss2 class):
/// in §3.2.3 the guide rounds AdjustedBase (BaseScore recomputed; BaseScore is round_to_1_decimal) and
/// AdjustedTemporal (TemporalScore recomputed) to one decimal; the reference carries both unrounded into the
/// environmental equation, and rounds the Exploitability sub-score instead.
/// With double arithmetic and the reference's rule this must reproduce the reference exactly; with decimal
/// arithmetic and the guide's rule it must reproduce Rampart. Each difference between the two is then explained by
/// the rule, the arithmetic (binary rounding at an exact tie such as 9.0 × 0.95 = 8.55), or both.
/// </summary>
internal static class V2EquationModel
{
    private static readonly Dictionary<string, string> AccessVector = new() { ["L"] = "0.395", ["A"] = "0.646", ["N"] = "1.0" };
    private static readonly Dictionary<string, string> AccessComplexity = new() { ["H"] = "0.35", ["M"] = "0.61", ["L"] = "0.71" };
    private static readonly Dictionary<string, string> Authentication = new() { ["M"] = "0.45", ["S"] = "0.56", ["N"] = "0.704" };
    private static readonly Dictionary<string, string> Impact = new() { ["N"] = "0", ["P"] = "0.275", ["C"] = "0.660" };
    private static readonly Dictionary<string, string> Exploitability = new() { ["U"] = "0.85", ["POC"] = "0.9", ["F"] = "0.95", ["H"] = "1", ["ND"] = "1" };
    private static readonly Dictionary<string, string> RemediationLevel = new() { ["OF"] = "0.87", ["TF"] = "0.9", ["W"] = "0.95", ["U"] = "1", ["ND"] = "1" };
    private static readonly Dictionary<string, string> ReportConfidence = new() { ["UC"] = "0.9", ["UR"] = "0.95", ["C"] = "1", ["ND"] = "1" };
    private static readonly Dictionary<string, string> CollateralDamage = new() { ["N"] = "0", ["L"] = "0.1", ["LM"] = "0.3", ["MH"] = "0.4", ["H"] = "0.5", ["ND"] = "0" };
    private static readonly Dictionary<string, string> TargetDistribution = new() { ["N"] = "0", ["L"] = "0.25", ["M"] = "0.75", ["H"] = "1", ["ND"] = "1" };
    private static readonly Dictionary<string, string> Requirement = new() { ["L"] = "0.5", ["M"] = "1", ["H"] = "1.51", ["ND"] = "1" };

    private static readonly string[] TemporalKeys = ["E", "RL", "RC"];
    private static readonly string[] EnvironmentalKeys = ["CDP", "TD", "CR", "IR", "AR"];

    public static V2ModelScores Scores<T>(CvssVector vector, bool guideRounding)
        where T : IFloatingPoint<T>
    {
        T W(Dictionary<string, string> weights, string key) => N<T>(weights[vector.Metric(key) ?? "ND"]);
        var ten = N<T>("10");

        T BaseEquation(T impact, T exploitability) => impact == T.Zero
            ? T.Zero
            : ((N<T>("0.6") * impact) + (N<T>("0.4") * exploitability) - N<T>("1.5")) * N<T>("1.176");

        // Products in the reference's order: in binary arithmetic 10 × 0.9 × 0.95 and 10 × (0.9 × 0.95) round differently.
        T Temporal(T score) => score * W(Exploitability, "E") * W(RemediationLevel, "RL") * W(ReportConfidence, "RC");
        var exploitability = N<T>("20") * W(AccessComplexity, "AC") * W(Authentication, "Au") * W(AccessVector, "AV");
        var impact = N<T>("10.41") * (T.One - ((T.One - W(Impact, "C")) * (T.One - W(Impact, "I")) * (T.One - W(Impact, "A"))));
        var baseScore = Round1(BaseEquation(impact, exploitability));
        var temporal = Round1(Temporal(baseScore));

        var adjustedImpact = T.Min(ten, N<T>("10.41") * (T.One - ((T.One - (W(Impact, "C") * W(Requirement, "CR")))
            * (T.One - (W(Impact, "I") * W(Requirement, "IR"))) * (T.One - (W(Impact, "A") * W(Requirement, "AR"))))));
        var adjustedTemporal = guideRounding
            ? Round1(Temporal(Round1(BaseEquation(adjustedImpact, exploitability))))
            : Temporal(BaseEquation(adjustedImpact, Round1(exploitability)));
        var environmental = Round1((adjustedTemporal + ((ten - adjustedTemporal) * W(CollateralDamage, "CDP"))) * W(TargetDistribution, "TD"));

        var hasTemporal = TemporalKeys.Any(k => vector.Metric(k) is { } v && v != "ND");
        var hasEnvironmental = EnvironmentalKeys.Any(k => vector.Metric(k) is { } v && v != "ND");
        return new(double.CreateChecked(baseScore), hasTemporal ? double.CreateChecked(temporal) : null,
            hasEnvironmental ? double.CreateChecked(environmental) : null);
    }

    private static T N<T>(string value)
        where T : IFloatingPoint<T> => T.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    // round_to_1_decimal, half up as JavaScript's Math.round(x * 10) / 10 and the guide's examples do.
    private static T Round1<T>(T value)
        where T : IFloatingPoint<T> => T.Round(value * N<T>("10"), MidpointRounding.AwayFromZero) / N<T>("10");
}
