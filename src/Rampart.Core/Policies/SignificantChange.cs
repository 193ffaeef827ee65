namespace Rampart.Core.Policies;

/// <summary>
/// A recorded "significant change" that calls for a review before the yearly date (TVM-01): a person records it, or the
/// system raises it when an asset of a layer outside the policy's scope appears. The next approved version closes it.
/// </summary>
public sealed class SignificantChange
{
    public long Id { get; set; }

    public SignificantChangeKind Kind { get; set; }

    public required string Description { get; set; }

    /// <summary>The person who recorded it; null when the system raised it.</summary>
    public string? RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>For system-raised scope gaps: the layer not covered.</summary>
    public PolicyLayer? Layer { get; set; }

    /// <summary>The version whose approval answered it (the review happened); null while open.</summary>
    public long? AddressedByVersionId { get; set; }
}

public enum SignificantChangeKind
{
    NewAssetLayer,
    NewRegulation,
    MajorIncident,
    Other,
}
