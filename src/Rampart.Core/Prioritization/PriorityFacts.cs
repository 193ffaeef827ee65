using Rampart.Core.Findings;

namespace Rampart.Core.Prioritization;

/// <summary>Everything one priority decision reads: the finding's own facts, the feeds' intel and its asset.</summary>
/// <param name="AttackSuccessRate">For red-team findings: failing attempts ÷ attempts (0–1), when the tool gave both.</param>
public sealed record PriorityFacts(
    FindingKind Kind, IReadOnlyList<string> CvssVectors, Severity ToolSeverity, ExploitIntel Intel, AssetContext Asset,
    double? AttackSuccessRate = null);
