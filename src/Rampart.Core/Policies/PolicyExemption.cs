namespace Rampart.Core.Policies;

/// <summary>
/// A time-bounded, approved deviation from the policy for one asset or one finding (the policy's "exception"): while
/// it is active, the findings in its scope are not due before it ends. It stops applying by itself at
/// <see cref="ExpiresAt"/>; the policy job then puts their due dates back to the policy's.
/// </summary>
public sealed class PolicyExemption
{
    public long Id { get; set; }

    /// <summary>The scope: an asset (all its findings) or, with <see cref="FindingId"/>, one finding.</summary>
    public long? AssetId { get; set; }

    public long? FindingId { get; set; }

    public required string Justification { get; set; }

    public required string CompensatingControls { get; set; }

    public required string RequestedBy { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Set when the policy job saw it expire and restored the due dates.</summary>
    public DateTimeOffset? ExpiryProcessedAt { get; set; }

    /// <summary>The version in force when it was approved.</summary>
    public long? PolicyVersionId { get; set; }

    public bool IsActive(DateTimeOffset now) => ApprovedAt is not null && ExpiresAt > now;
}
