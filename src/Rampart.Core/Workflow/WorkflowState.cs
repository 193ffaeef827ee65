namespace Rampart.Core.Workflow;

/// <summary>
/// Where a finding stands in remediation (AIS-07): New → Triaged → In progress → Fixed (awaiting verification) →
/// Verified closed, with the side exits Risk accepted, False positive, Not affected and Duplicate. Stored as text;
/// the coarse <see cref="Findings.FindingStatus"/> is derived from it by <see cref="FindingWorkflow.StatusOf"/>.
/// </summary>
public enum WorkflowState
{
    New,
    Triaged,
    InProgress,
    FixedAwaitingVerification,
    VerifiedClosed,
    RiskAccepted,
    FalsePositive,
    NotAffected,
    Duplicate,
}

/// <summary>A step a person (or a connector) asks for; each has one target state (<see cref="FindingWorkflow.TargetOf"/>).</summary>
public enum WorkflowAction
{
    Triage,
    Start,
    MarkFixed,
    Verify,
    Reopen,
    AcceptRisk,
    MarkFalsePositive,
    MarkNotAffected,
    MarkDuplicate,
}

/// <summary>What a recorded transition was: a person's action, an assignment, or a step Rampart took itself.</summary>
public enum TransitionKind
{
    Triage,
    Start,
    MarkFixed,
    Verify,
    Reopen,
    AcceptRisk,
    MarkFalsePositive,
    MarkNotAffected,
    MarkDuplicate,

    /// <summary>The assignee changed; the state did not.</summary>
    Assign,

    /// <summary>A scan of the finding's source no longer saw it.</summary>
    ScanVerified,

    /// <summary>A scan still (or again) saw a finding that was fixed or closed.</summary>
    ScanReopened,

    /// <summary>The risk acceptance ended; the finding is back to be triaged.</summary>
    AcceptanceExpired,
}
