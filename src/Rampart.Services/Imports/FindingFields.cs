using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Core.Prioritization;
using Rampart.Data;

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
    }

    /// <summary>Severity, priority with its reasons, and the due date counted from first seen.</summary>
    public static void Prioritize(Finding finding, Asset asset, Dictionary<(string, Severity), (PriorityDecision, string)>? decisions = null)
    {
        // Within one import the asset is fixed, so the decision depends only on the vectors and the tool's severity:
        // an import reuses it for every finding that shares them (most do), and skips re-scoring the vectors.
        var key = (finding.CvssVectors, finding.ToolSeverity);
        if (decisions is null || !decisions.TryGetValue(key, out var cached))
        {
            var made = Prioritizer.Decide(ValueList.Split(finding.CvssVectors), finding.ToolSeverity, asset.Exposure, asset.Criticality);
            cached = (made, string.Join('\n', made.Reasons));
            if (decisions is { Count: < 10_000 })
            {
                decisions[key] = cached;
            }
        }

        var (decision, reasons) = cached;
        finding.Severity = decision.Severity;
        finding.CvssScore = decision.CvssScore;
        finding.Priority = decision.Priority;
        finding.PriorityReasons = reasons;
        finding.DueDate = RemediationTimeframes.Default.DueDate(decision.Priority, finding.FirstSeen);
    }

    public static string? RawLocation(ReportedFinding reported) => (reported.LocationPath, reported.StartLine) switch
    {
        ({ Length: > 0 } path, { } line) => $"{path}:{line}",
        ({ Length: > 0 } path, null) => path,
        _ => null,
    };
}
