using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Core.Policies;
using Rampart.Core.Prioritization;
using Rampart.Data;
using Rampart.Services.Prioritization;

namespace Rampart.Services.Imports;

/// <summary>Copies what a report says about a weakness onto its finding, and decides the finding's priority.</summary>
internal static class FindingFields
{
    private const string Untitled = "(untitled finding)";

    /// <summary>The descriptive fields follow the latest report; status, first seen and human decisions are not touched.</summary>
    public static void Apply(Finding finding, ReportedFinding reported)
    {
        finding.Kind = reported.Kind;
        finding.Title = ImportText.Clip(reported.Title, ColumnLengths.Title)
            ?? ImportText.Clip(reported.RuleId, ColumnLengths.Title)
            ?? Untitled;
        finding.Description = ImportText.Clip(reported.Description);
        finding.RuleId = ImportText.Clip(reported.RuleId, ColumnLengths.RuleId);
        finding.VulnerabilityIds = ImportText.Clip(ValueList.Join(reported.VulnerabilityIds)) ?? "";
        finding.Cwes = ImportText.Clip(ValueList.Join(reported.Cwes)) ?? "";
        finding.Tags = ImportText.Clip(ValueList.Join(reported.Tags), ColumnLengths.Tag) ?? "";
        finding.ComponentPurl = ImportText.Clip(reported.ComponentPurl, ColumnLengths.Purl);
        finding.ComponentName = ImportText.Clip(reported.ComponentName, ColumnLengths.Component);
        finding.ComponentVersion = ImportText.Clip(reported.ComponentVersion, ColumnLengths.Version);
        finding.FixedVersion = ImportText.Clip(reported.FixedVersion, ColumnLengths.Version);
        finding.LocationPath = ImportText.Clip(reported.LocationPath, ColumnLengths.Path);
        finding.LocationLine = reported.StartLine;
        finding.ToolSeverity = reported.ToolSeverity;
        finding.CvssVectors = ImportText.Clip(ValueList.Join(reported.CvssVectors)) ?? "";
        finding.AttackSuccessRate = reported.AttackSuccessRate is { } rate && double.IsFinite(rate) ? Math.Clamp(rate, 0, 1) : null;
    }

    /// <summary>
    /// Severity and the computed priority with its path, from the finding's facts, the feeds' intel and the asset;
    /// the effective priority and due date (counted from first seen) follow it for a new finding.
    /// </summary>
    /// <param name="decisions">Decisions already made in this import: most findings share vectors, severity and intel.</param>
    /// <param name="terms">The policy in force: its thresholds decide, its timeframes (for this asset) set the due date.</param>
    public static PriorityDecision Prioritize(
        Finding finding, AssetContext asset, ExploitIntelBook intel, DateTimeOffset decidedAt, PolicyTerms terms, RemediationTimeframes timeframes,
        Dictionary<DecisionKey, (PriorityDecision, string)>? decisions = null)
    {
        var facts = intel.For(finding.VulnerabilityIds);
        var key = new DecisionKey(finding.Kind, finding.CvssVectors, finding.ToolSeverity, finding.AttackSuccessRate, facts);
        if (decisions is null || !decisions.TryGetValue(key, out var cached))
        {
            var made = Prioritizer.Decide(new PriorityFacts(
                finding.Kind, ValueList.Split(finding.CvssVectors), finding.ToolSeverity, facts, asset, finding.AttackSuccessRate), terms.Prioritization);
            cached = (made, string.Join('\n', made.Reasons));
            if (decisions is { Count: < 10_000 })
            {
                decisions[key] = cached;
            }
        }

        var (decision, reasons) = cached;
        finding.Severity = decision.Severity;
        finding.CvssScore = decision.CvssScore;
        finding.ComputedPriority = decision.Priority;
        finding.Priority = finding.PriorityOverride ?? decision.Priority;
        finding.Ssvc = decision.Ssvc;
        finding.Exploitation = decision.Exploitation;
        finding.PriorityReasons = reasons;
        finding.PriorityDecidedAt = decidedAt;
        finding.DueDate = timeframes.DueDate(finding.Priority, finding.FirstSeen);
        finding.PolicyVersionId = terms.VersionId;
        return decision;
    }

    public static string? RawLocation(ReportedFinding reported) => (reported.LocationPath, reported.StartLine) switch
    {
        ({ Length: > 0 } path, { } line) => $"{path}:{line}",
        ({ Length: > 0 } path, null) => path,
        _ => null,
    };
}

/// <summary>What a decision depends on besides the asset, which is fixed within one import.</summary>
internal readonly record struct DecisionKey(FindingKind Kind, string Vectors, Severity ToolSeverity, double? AttackSuccessRate, ExploitIntel Intel);
