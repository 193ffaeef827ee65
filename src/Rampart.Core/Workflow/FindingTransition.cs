namespace Rampart.Core.Workflow;

/// <summary>One step of a finding's remediation (append-only): from, to, who, when, why.</summary>
public sealed class FindingTransition
{
    public long Id { get; set; }

    public long FindingId { get; set; }

    public WorkflowState FromState { get; set; }

    public WorkflowState ToState { get; set; }

    public TransitionKind Kind { get; set; }

    /// <summary>A user name, "scan #42", "system" (expiry) or a connector's name ("jira:SEC-12").</summary>
    public required string By { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Comment { get; set; }

    /// <summary>For a step to Not affected: the VEX justification.</summary>
    public VexJustification? Justification { get; set; }

    /// <summary>The scan that made the step, for <see cref="TransitionKind.ScanVerified"/> and <see cref="TransitionKind.ScanReopened"/>.</summary>
    public long? ScanId { get; set; }
}
