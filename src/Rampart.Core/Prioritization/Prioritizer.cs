using Rampart.Core.Assets;
using Rampart.Core.Findings;

namespace Rampart.Core.Prioritization;

/// <summary>
/// First-cut prioritization: severity from the highest-scoring CVSS v3.x vector (else the tool's severity)
/// gives a base priority (critical → P1, high → P2, medium → P3, low/info → P4); an internet-facing asset of
/// high or critical business criticality raises it by one, an isolated asset lowers it by one.
/// Issue 4 replaces this with EPSS, KEV and SSVC; the shape (decision + reasons) stays.
/// </summary>
public static class Prioritizer
{
    public static PriorityDecision Decide(IReadOnlyList<string> cvssVectors, Severity toolSeverity, Exposure exposure, Criticality criticality)
    {
        ArgumentNullException.ThrowIfNull(cvssVectors);
        var reasons = new List<string>();
        Cvss.CvssScores? best = null;
        foreach (var vector in cvssVectors)
        {
            if (Cvss.Cvss.TryScore(vector, out var score, out _) && (best is null || score!.Score > best.Score))
            {
                best = score;
            }
        }

        Severity severity;
        if (best is not null)
        {
            severity = best.Severity;
            reasons.Add($"CVSS {best.VersionNumber} {best.ScoreKind} {Cvss.Cvss.Format(best.Score)} ({best.Vector}) → {severity.ToString().ToLowerInvariant()}");
        }
        else
        {
            severity = toolSeverity;
            reasons.Add(cvssVectors.Count > 0
                ? $"tool severity {severity.ToString().ToLowerInvariant()} (no CVSS v3 vector could be scored)"
                : $"tool severity {severity.ToString().ToLowerInvariant()} (no CVSS vector)");
        }

        var priority = severity switch
        {
            Severity.Critical => Priority.P1,
            Severity.High => Priority.P2,
            Severity.Medium => Priority.P3,
            _ => Priority.P4,
        };

        if (exposure == Exposure.Internet && criticality >= Criticality.High && priority > Priority.P1 && severity >= Severity.Medium)
        {
            priority -= 1;
            reasons.Add($"internet-facing asset of {criticality.ToString().ToLowerInvariant()} criticality → raised to {priority}");
        }
        else if (exposure == Exposure.Isolated && priority < Priority.P4)
        {
            priority += 1;
            reasons.Add($"isolated asset → lowered to {priority}");
        }
        else
        {
            reasons.Add($"{exposure.ToString().ToLowerInvariant()} asset of {criticality.ToString().ToLowerInvariant()} criticality → {priority}");
        }

        return new PriorityDecision(severity, best?.Score, priority, reasons);
    }
}
