using Rampart.Core.Findings;
using Rampart.Core.Prioritization.Ssvc;

namespace Rampart.Core.Prioritization;

/// <summary>
/// One change of a finding's priority, with its cause: a rescan, a feed update, an asset edit or a person's override.
/// The log is append-only; it is what the remediation workflow subscribes to (a finding that became P1).
/// </summary>
public sealed class PriorityChange
{
    public long Id { get; set; }

    public long FindingId { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>The effective priority before and after.</summary>
    public Priority FromPriority { get; set; }

    public Priority ToPriority { get; set; }

    public SsvcOutcome? FromSsvc { get; set; }

    public SsvcOutcome? ToSsvc { get; set; }

    /// <summary>"scan 42", "feed:epss 2026-09-29", "feed:kev 2025.08.25", "asset:payments-api", "override".</summary>
    public required string Cause { get; set; }

    /// <summary>The user who set or cleared an override; null for the system's own re-decisions.</summary>
    public string? ChangedBy { get; set; }

    /// <summary>The new decision's path, or the override's justification.</summary>
    public string Reasons { get; set; } = "";

    /// <summary>True when this change made the finding P1 (it was not before).</summary>
    public bool BecameP1 => ToPriority == Priority.P1 && FromPriority != Priority.P1;
}
