using Rampart.Core.Findings;

namespace Rampart.Services.Imports;

/// <summary>
/// What the import knows of one finding of the asset: loaded once (one query), then updated as results arrive.
/// A struct kept inline in the dictionary (about 64 bytes per finding with its key, and no object per finding for the
/// garbage collector to trace), so a million-finding asset costs some 70 MB for the duration of its import.
/// </summary>
internal struct FindingState
{
    public long FindingId { get; set; }

    public FindingStatus Status { get; set; }

    public Core.Workflow.WorkflowState State { get; set; }

    public DateTimeOffset FirstSeen { get; set; }

    /// <summary>The stored computed priority and SSVC outcome, to log a rescan's change of them.</summary>
    public Priority ComputedPriority { get; set; }

    public Core.Prioritization.Ssvc.SsvcOutcome? Ssvc { get; set; }

    /// <summary>A person's priority is set: the effective priority and due date stay as they are.</summary>
    public bool Overridden { get; set; }

    public DateTimeOffset? DueDate { get; set; }

    /// <summary>This source's observation of the finding; 0 when the source has none yet.</summary>
    public long ObservationId { get; set; }

    public bool Present { get; set; }

    public long ContentHash { get; set; }

    /// <summary>Reported by the file being imported (a second result with the same fingerprint is a duplicate).</summary>
    public bool Seen { get; set; }
}
