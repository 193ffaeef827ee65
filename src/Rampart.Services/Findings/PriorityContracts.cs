using Rampart.Core.Findings;

namespace Rampart.Services.Findings;

/// <summary>How a finding's priority was decided, and whether a person overrode it.</summary>
/// <param name="Effective">The priority in effect (the override when there is one).</param>
/// <param name="Ssvc">The SSVC outcome as CISA writes it ("Track*"), when the decision used the tree.</param>
/// <param name="Path">The decision's path: a one-line summary, then one line per decision point.</param>
public sealed record PriorityView(
    Priority Effective, Priority Computed, string? Ssvc, string? Exploitation, DateTimeOffset? DecidedAt, IReadOnlyList<string> Path,
    PriorityOverrideView? Override, ExploitIntelView Intel);

public sealed record PriorityOverrideView(Priority Priority, string Justification, string By, DateTimeOffset At);

/// <summary>What the feeds say now about the finding's vulnerability (over all its aliases).</summary>
public sealed record ExploitIntelView(
    string? KevId, DateOnly? KevDateAdded, DateOnly? KevDueDate, bool KevRansomware, string? EpssId, double? Epss, double? EpssPercentile,
    DateOnly? EpssDate);

/// <summary>One logged change of a finding's priority.</summary>
public sealed record PriorityChangeView(
    DateTimeOffset ChangedAt, Priority From, Priority To, string? FromSsvc, string? ToSsvc, string Cause, string? ChangedBy, string Summary);
