using Rampart.Core.Findings;
using Rampart.Core.Prioritization.Ssvc;

namespace Rampart.Services.Prioritization;

/// <summary>What a re-decision reads of one open finding.</summary>
internal sealed record OpenFindingRow(
    long Id, long AssetId, FindingKind Kind, string VulnerabilityIds, string CvssVectors, Severity ToolSeverity, double? AttackSuccessRate,
    Priority ComputedPriority, Priority Priority, Priority? Override, SsvcOutcome? Ssvc, Exploitation? Exploitation, Severity Severity,
    double? CvssScore, DateTimeOffset FirstSeen, DateTimeOffset? DueDate);
