namespace Rampart.Core.Workflow;

/// <summary>
/// A request to accept a finding's risk instead of remediating it, and its decision: requested by one person with a
/// justification, compensating controls and an end date; approved (or rejected) by another person holding one of the
/// policy's approver roles, for no longer than the policy allows. Kept after it ends, as evidence.
/// </summary>
public sealed class RiskAcceptance
{
    public long Id { get; set; }

    public long FindingId { get; set; }

    public RiskAcceptanceStatus Status { get; set; }

    public required string Justification { get; set; }

    public required string CompensatingControls { get; set; }

    public required string RequestedBy { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The end the requester asked for; the acceptance ends then.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Who approved or rejected it, when, and why.</summary>
    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecisionComment { get; set; }

    /// <summary>The version in force at the decision (whose limits were applied); null under Rampart's defaults.</summary>
    public long? PolicyVersionId { get; set; }

    /// <summary>The policy's maximum in days at the decision, kept with the evidence.</summary>
    public int? MaxDays { get; set; }

    /// <summary>When the expiry job reopened the finding.</summary>
    public DateTimeOffset? ExpiredAt { get; set; }
}

public enum RiskAcceptanceStatus
{
    Requested,
    Approved,
    Rejected,
    Expired,
}
