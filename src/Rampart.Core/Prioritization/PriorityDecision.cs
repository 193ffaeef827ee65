using Rampart.Core.Findings;
using Rampart.Core.Prioritization.Ssvc;

namespace Rampart.Core.Prioritization;

/// <summary>The outcome of prioritizing one finding, with the reasons a person reads to trust it.</summary>
/// <param name="Reasons">The path through the decision, first a one-line summary, then one line per decision point.</param>
/// <param name="Ssvc">The SSVC outcome, when the finding went through the SSVC tree (vulnerabilities and AI findings).</param>
/// <param name="Exploitation">The exploitation the decision assumed, when it went through the tree.</param>
public sealed record PriorityDecision(
    Severity Severity, double? CvssScore, Priority Priority, IReadOnlyList<string> Reasons,
    SsvcOutcome? Ssvc = null, Exploitation? Exploitation = null)
{
    /// <summary>Identifies the decision's path; a re-decision that gives the same path changes nothing that is stored.</summary>
    public string PathKey => $"{Priority}|{Ssvc}|{Exploitation}|{Severity}|{CvssScore}|{(Reasons.Count > 0 ? Reasons[0] : "")}";
}
