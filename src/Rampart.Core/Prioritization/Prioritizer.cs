using System.Globalization;
using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Core.Prioritization.Cvss;
using Rampart.Core.Prioritization.Ssvc;

namespace Rampart.Core.Prioritization;

/// <summary>
/// Decides what to fix first. Vulnerabilities and findings that carry a CVSS vector go through CISA's SSVC tree
/// (exploitation from KEV, EPSS and the vector's exploit maturity; automatable and technical impact from the vector;
/// mission and well-being from the asset); AI red-team findings go through the same tree with decision points read
/// from the attack success rate and the asset's deployment (<see cref="AiDecisionPoints"/>); other findings (code,
/// configuration, secrets, DAST without a vector) are ranked by severity and exposure. Every decision carries its path.
/// </summary>
public static class Prioritizer
{
    public static PriorityDecision Decide(PriorityFacts facts, PrioritizationSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        settings ??= PrioritizationSettings.Default;
        var (best, vector) = BestVector(facts.CvssVectors);
        var severity = best?.Severity ?? facts.ToolSeverity;
        var severityReason = best is not null
            ? $"Severity: CVSS {VersionName(best.Version)} {best.ScoreKind} {Cvss.Cvss.Format(best.Score)} ({best.Vector}) → {Lower(severity)}"
            : facts.CvssVectors.Count > 0
                ? $"Severity: tool severity {Lower(severity)} (no CVSS vector could be scored)"
                : $"Severity: tool severity {Lower(severity)} (no CVSS vector)";

        if (facts.Kind == FindingKind.AiRedTeam && vector is null)
        {
            return DecideAi(facts, settings, severity, severityReason);
        }

        if (facts.Kind == FindingKind.Vulnerability || vector is not null || facts.Intel.InKev)
        {
            return DecideVulnerability(facts, settings, best, vector, severity, severityReason);
        }

        return DecideBySeverity(facts.Asset, severity, severityReason);
    }

    private static PriorityDecision DecideVulnerability(
        PriorityFacts facts, PrioritizationSettings settings, CvssScores? best, CvssVector? vector, Severity severity, string severityReason)
    {
        var intel = facts.Intel;
        var points = vector is null ? null : CvssDecisionPoints.From(vector);
        var (exploitation, exploitationShort, exploitationLong) = ExploitationOf(intel, points, settings);

        bool automatable;
        string automatableShort, automatableLong;
        TechnicalImpact impact;
        string impactLong;
        if (points is not null)
        {
            automatable = points.Automatable;
            automatableShort = $"{(automatable ? "automatable" : "not automatable")} ({points.AutomatableParts})";
            automatableLong = $"Automatable: {(automatable ? "yes" : "no")} ({points.AutomatableParts})";
            impact = points.TechnicalImpact;
            impactLong = $"Technical impact: {Lower(impact)} ({points.ImpactParts})";
        }
        else
        {
            // SSVC has no "unknown": without a vector, assume what the tool's severity suggests and say so.
            automatable = false;
            automatableShort = "automatable unknown";
            automatableLong = "Automatable: assumed no (no CVSS vector)";
            impact = severity >= Severity.High ? TechnicalImpact.Total : TechnicalImpact.Partial;
            impactLong = $"Technical impact: assumed {Lower(impact)} from tool severity {Lower(severity)} (no CVSS vector)";
        }

        var mission = MissionRule.Of(facts.Asset.Criticality, facts.Asset.Exposure);
        var outcome = SsvcTree.Decide(exploitation, automatable, impact, mission);
        var priority = SsvcTree.PriorityOf(outcome);
        var summary = string.Join(" · ",
            exploitationShort, ExposureName(facts.Asset.Exposure), automatableShort, $"{Lower(impact)} impact",
            $"asset criticality {Lower(facts.Asset.Criticality)}") + $" → {SsvcTree.Name(outcome)} → {priority}";
        string[] reasons =
        [
            summary,
            severityReason,
            exploitationLong,
            automatableLong,
            impactLong,
            $"Mission & well-being: {Lower(mission)} (criticality {Lower(facts.Asset.Criticality)}, {ExposureName(facts.Asset.Exposure)})",
            $"SSVC (CISA tree): {Lower(exploitation)} · {(automatable ? "automatable" : "not automatable")} · {Lower(impact)} · {Lower(mission)} → {SsvcTree.Name(outcome)} → {priority}",
        ];
        return new PriorityDecision(severity, best?.Score, priority, reasons, outcome, exploitation);
    }

    private static (Exploitation Value, string Short, string Long) ExploitationOf(ExploitIntel intel, CvssDecisionPoints? points, PrioritizationSettings settings)
    {
        var epss = intel.Epss is { } score
            ? $"EPSS {score.ToString("0.#####", CultureInfo.InvariantCulture)}{Percentile(intel.EpssPercentile)} on {Day(intel.EpssDate)}"
            : "no EPSS score";
        if (intel.KevDateAdded is { } added)
        {
            var due = intel.KevDueDate is { } d ? $"; CISA due date {Day(d)}" : "";
            var ransomware = intel.KevRansomware ? "; known ransomware use" : "";
            return (Exploitation.Active, $"KEV since {Day(added)}",
                $"Exploitation: active — {intel.KevId} is in CISA KEV since {Day(added)}{due}{ransomware}; {epss}");
        }

        if (points?.Exploitation == Exploitation.Active)
        {
            return (Exploitation.Active, $"exploited ({points.ExploitationPart})",
                $"Exploitation: active — the CVSS vector says attacked ({points.ExploitationPart}); not in CISA KEV; {epss}");
        }

        var threshold = settings.EpssPoc.ToString("0.00", CultureInfo.InvariantCulture);
        if (intel.Epss >= settings.EpssPoc)
        {
            return (Exploitation.PublicPoc, $"EPSS ≥ {threshold}",
                $"Exploitation: public PoC — {epss} ({intel.EpssId}) is at least {threshold}; not in CISA KEV");
        }

        if (points?.Exploitation == Exploitation.PublicPoc)
        {
            return (Exploitation.PublicPoc, $"exploit code ({points.ExploitationPart})",
                $"Exploitation: public PoC — the CVSS vector gives exploit maturity {points.ExploitationPart}; not in CISA KEV; {epss}");
        }

        var below = intel.Epss is null ? epss : $"{epss} is below {threshold}";
        return (Exploitation.None, "no known exploitation", $"Exploitation: none — not in CISA KEV; {below}");
    }

    private static PriorityDecision DecideAi(PriorityFacts facts, PrioritizationSettings settings, Severity severity, string severityReason)
    {
        var asset = facts.Asset;
        var exploitation = AiDecisionPoints.Exploitation(facts.AttackSuccessRate, settings);
        var automatable = AiDecisionPoints.Automatable(asset.Exposure);
        var impact = AiDecisionPoints.TechnicalImpact(asset);
        var mission = MissionRule.Of(asset.Criticality, asset.Exposure);
        var outcome = SsvcTree.Decide(exploitation, automatable, impact, mission);
        var priority = SsvcTree.PriorityOf(outcome);

        var rate = facts.AttackSuccessRate is { } r ? $"attack success {r.ToString("0.#%", CultureInfo.InvariantCulture)}" : "attack succeeded (rate unknown)";
        var active = settings.AttackSuccessActive.ToString("0.#%", CultureInfo.InvariantCulture);
        var tools = asset.AgentTools.Count == 0 ? "no agent tools" : $"agent tools {string.Join(", ", asset.AgentTools)} ({AutonomyName(asset.Autonomy)})";
        var summary = string.Join(" · ", rate, ExposureName(asset.Exposure), tools, $"data {Lower(asset.DataSensitivity)}",
            $"asset criticality {Lower(asset.Criticality)}") + $" → {SsvcTree.Name(outcome)} → {priority}";
        string[] reasons =
        [
            summary,
            severityReason,
            exploitation == Exploitation.Active
                ? $"Exploitation: active — {rate} is at least {active}: the attack works reliably"
                : $"Exploitation: public PoC — {rate}: a working attack exists (below {active})",
            $"Automatable: {(automatable ? "yes — the model is reachable from the internet" : $"no — the model is {ExposureName(asset.Exposure)}")}",
            impact == TechnicalImpact.Total
                ? $"Technical impact: total — {(asset.DataSensitivity == DataSensitivity.Restricted ? "the model holds restricted data" : "it calls tools with no person approving")} ({tools})"
                : $"Technical impact: partial — {tools}, data {Lower(asset.DataSensitivity)}",
            $"Mission & well-being: {Lower(mission)} (criticality {Lower(asset.Criticality)}, {ExposureName(asset.Exposure)})",
            $"SSVC (CISA tree): {Lower(exploitation)} · {(automatable ? "automatable" : "not automatable")} · {Lower(impact)} · {Lower(mission)} → {SsvcTree.Name(outcome)} → {priority}",
        ];
        return new PriorityDecision(severity, null, priority, reasons, outcome, exploitation);
    }

    /// <summary>
    /// Findings outside the tree: critical → P1, high → P2, medium → P3, low/info → P4; an internet-facing asset of
    /// high or critical criticality raises a medium-or-worse finding one level, an isolated asset lowers it one level.
    /// </summary>
    private static PriorityDecision DecideBySeverity(AssetContext asset, Severity severity, string severityReason)
    {
        var priority = severity switch
        {
            Severity.Critical => Priority.P1,
            Severity.High => Priority.P2,
            Severity.Medium => Priority.P3,
            _ => Priority.P4,
        };
        string adjustment;
        if (asset.Exposure == Exposure.Internet && asset.Criticality >= Criticality.High && priority > Priority.P1 && severity >= Severity.Medium)
        {
            priority -= 1;
            adjustment = $"internet-facing asset of {Lower(asset.Criticality)} criticality → raised one level";
        }
        else if (asset.Exposure == Exposure.Isolated && priority < Priority.P4)
        {
            priority += 1;
            adjustment = "isolated asset → lowered one level";
        }
        else
        {
            adjustment = $"{ExposureName(asset.Exposure)} asset of {Lower(asset.Criticality)} criticality → unchanged";
        }

        return new PriorityDecision(severity, null, priority,
        [
            $"{Lower(severity)} severity · {ExposureName(asset.Exposure)} · asset criticality {Lower(asset.Criticality)} → {priority}",
            severityReason,
            "Not a known vulnerability and no CVSS vector: ranked by severity, not by the SSVC tree",
            adjustment,
        ]);
    }

    /// <summary>The vector with the highest most-specific score; unscorable vectors are skipped.</summary>
    private static (CvssScores? Scores, CvssVector? Vector) BestVector(IReadOnlyList<string> vectors)
    {
        CvssScores? best = null;
        CvssVector? bestVector = null;
        foreach (var text in vectors)
        {
            if (CvssVector.TryParse(text, out var vector, out _) && TryScoreVector(vector!, out var scores)
                && (best is null || scores!.Score > best.Score))
            {
                best = scores;
                bestVector = vector;
            }
        }

        return (best, bestVector);
    }

    private static bool TryScoreVector(CvssVector vector, out CvssScores? scores)
    {
        try
        {
            scores = Cvss.Cvss.Score(vector);
            return true;
        }
        catch (CvssFormatException)
        {
            scores = null;
            return false;
        }
    }

    private static string VersionName(CvssVersion version) => version switch
    {
        CvssVersion.V2 => "2.0",
        CvssVersion.V3_0 => "3.0",
        CvssVersion.V3_1 => "3.1",
        _ => "4.0",
    };

    private static string ExposureName(Exposure exposure) => exposure switch
    {
        Exposure.Internet => "internet-facing",
        Exposure.Internal => "internal",
        _ => "isolated",
    };

    private static string AutonomyName(AgentAutonomy autonomy) => autonomy switch
    {
        AgentAutonomy.Autonomous => "autonomous",
        AgentAutonomy.HumanApproval => "a person approves tool calls",
        _ => "not an agent",
    };

    private static string Percentile(double? percentile) =>
        percentile is { } p ? $" (percentile {(p * 100).ToString("0.#", CultureInfo.InvariantCulture)})" : "";

    private static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?";

    private static string Lower<T>(T value)
        where T : struct, Enum => value switch
        {
            Exploitation.PublicPoc => "public PoC",
            _ => value.ToString().ToLowerInvariant(),
        };
}
