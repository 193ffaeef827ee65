namespace Rampart.Core.Workflow;

/// <summary>
/// One escalation step that happened (AIS-07: escalation paths that are effective, not only configured): the policy's
/// step <see cref="DaysAfterDue"/>/<see cref="Notify"/> reached a finding with due date <see cref="DueDate"/> and
/// told <see cref="Recipients"/>. A step fires once per finding and due date; a new due date may fire it again.
/// </summary>
public sealed class Escalation
{
    public long Id { get; set; }

    public long FindingId { get; set; }

    /// <summary>The version in force whose chain held the step; null for Rampart's defaults.</summary>
    public long? PolicyVersionId { get; set; }

    /// <summary>Days from the due date: negative is a reminder, 0 the breach, positive a later level.</summary>
    public int DaysAfterDue { get; set; }

    /// <summary>The step's recipient as the policy names it ("assignee", "owner-team-lead", "user:dana", …).</summary>
    public required string Notify { get; set; }

    /// <summary>Whom it reached: user names and "team:NAME", space-separated.</summary>
    public required string Recipients { get; set; }

    /// <summary>The finding's due date the step was measured from.</summary>
    public DateTimeOffset DueDate { get; set; }

    public DateTimeOffset FiredAt { get; set; }
}
