using Rampart.Core.Findings;

namespace Rampart.Core.Prioritization;

/// <summary>The outcome of prioritizing one finding, with the reasons a person reads to trust it.</summary>
public sealed record PriorityDecision(Severity Severity, double? CvssScore, Priority Priority, IReadOnlyList<string> Reasons);
