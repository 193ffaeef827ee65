namespace Rampart.Core.Workflow;

/// <summary>
/// A stop of a finding's remediation clock while its fix waits on a vendor, allowed only when the policy in force says
/// so. Resuming moves the due date on by the time spent paused; the record is the evidence of both.
/// </summary>
public sealed class SlaPause
{
    public long Id { get; set; }

    public long FindingId { get; set; }

    public required string PausedBy { get; set; }

    public DateTimeOffset PausedAt { get; set; }

    public required string Reason { get; set; }

    /// <summary>The version in force that allowed the pause; null for Rampart's defaults (which do not allow it).</summary>
    public long? PolicyVersionId { get; set; }

    public string? ResumedBy { get; set; }

    public DateTimeOffset? ResumedAt { get; set; }

    /// <summary>The due date before the pause, and after resuming (before + time paused).</summary>
    public DateTimeOffset? DueDateBefore { get; set; }

    public DateTimeOffset? DueDateAfter { get; set; }
}
