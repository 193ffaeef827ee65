namespace Rampart.Core.Policies;

/// <summary>One step of a version's lifecycle (append-only): who moved it, when, why, and the text's hash at that moment.</summary>
public sealed class PolicyTransition
{
    public long Id { get; set; }

    public long PolicyVersionId { get; set; }

    /// <summary>Null for the import that created the version.</summary>
    public PolicyStatus? FromStatus { get; set; }

    public PolicyStatus ToStatus { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Comment { get; set; }

    public required string ContentHash { get; set; }
}
