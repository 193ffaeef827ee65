using Rampart.Core.Assets;
using Rampart.Core.Workflow;
using Rampart.Services.Findings;

namespace Rampart.Services.Workflow;

/// <summary>A person's step on one finding.</summary>
/// <param name="Justification">Required with <see cref="WorkflowAction.MarkNotAffected"/>, refused with any other action.</param>
/// <param name="DuplicateOf">Required with <see cref="WorkflowAction.MarkDuplicate"/>: the finding this one duplicates.</param>
public sealed record WorkflowStep(WorkflowAction Action, string? Comment = null, VexJustification? Justification = null, long? DuplicateOf = null);

/// <summary>One recorded transition as the API and CLI show it.</summary>
public sealed record FindingTransitionView(
    long Id, long FindingId, WorkflowState From, string FromName, WorkflowState To, string ToName, TransitionKind Kind, string By,
    DateTimeOffset At, string? Comment, string? Justification, long? ScanId)
{
    public static FindingTransitionView Of(FindingTransition t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Id, t.FindingId, t.FromState, FindingWorkflow.Name(t.FromState), t.ToState, FindingWorkflow.Name(t.ToState), t.Kind, t.By, t.At,
            t.Comment, t.Justification is { } j ? VexJustifications.Label(j) : null, t.ScanId);
    }
}

/// <summary>Where a finding stands in remediation and who owns it.</summary>
/// <param name="AccountableParty">AIS-07's accountable parties for the asset's layer (shared ownership names both).</param>
/// <param name="AllowedActions">The steps the rules allow from the current state (rights aside).</param>
public sealed record FindingWorkflowView(
    long FindingId, WorkflowState State, string StateName, Core.Findings.FindingStatus Status, string? Assignee, string? OwnerTeam,
    SsrmParty AccountableParty, string AccountablePartyName, string Asset, string? UpstreamProvider, long? DuplicateOf, string? NotAffectedJustification,
    IReadOnlyList<string> AllowedActions, IReadOnlyList<FindingTransitionView> Transitions, IReadOnlyList<RiskAcceptanceView> RiskAcceptances,
    DueDiligenceView? DueDiligence);

public sealed record RiskAcceptanceView(
    long Id, long FindingId, RiskAcceptanceStatus Status, string Justification, string CompensatingControls, string RequestedBy,
    DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionComment,
    long? PolicyVersionId, int? MaxDays, DateTimeOffset? ExpiredAt)
{
    public static RiskAcceptanceView Of(RiskAcceptance a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.FindingId, a.Status, a.Justification, a.CompensatingControls, a.RequestedBy, a.RequestedAt, a.ExpiresAt,
            a.DecidedBy, a.DecidedAt, a.DecisionComment, a.PolicyVersionId, a.MaxDays, a.ExpiredAt);
    }
}

public sealed record DueDiligenceView(
    long Id, long FindingId, string Vendor, SsrmParty AccountableParty, DueDiligenceStatus Status, string? Contact, DateTimeOffset? ContactedAt,
    string? VendorAnswer, DateOnly? VendorFixDate, DateTimeOffset OpenedAt, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    public static DueDiligenceView Of(DueDiligenceItem d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.FindingId, d.Vendor, d.AccountableParty, d.Status, d.Contact, d.ContactedAt, d.VendorAnswer, d.VendorFixDate,
            d.OpenedAt, d.UpdatedAt, d.UpdatedBy);
    }
}

/// <summary>Fields to change on a due-diligence item; null leaves a field as it is.</summary>
public sealed record DueDiligenceUpdate(
    DueDiligenceStatus? Status = null, string? Contact = null, DateTimeOffset? ContactedAt = null, string? VendorAnswer = null, DateOnly? VendorFixDate = null);

public enum BulkOperation
{
    Assign,
    Triage,
    Start,
    FalsePositive,
    NotAffected,
    AcceptRequest,
}

/// <summary>One action on every finding a filter selects (paging ignored), all or nothing.</summary>
/// <param name="Assignee">For <see cref="BulkOperation.Assign"/>; null or empty unassigns.</param>
/// <param name="Until">For <see cref="BulkOperation.AcceptRequest"/>: when the acceptance would end.</param>
public sealed record BulkRequest(
    FindingFilter Filter, BulkOperation Operation, string? Assignee = null, string? Comment = null, VexJustification? Justification = null,
    DateTimeOffset? Until = null, string? CompensatingControls = null);

/// <param name="Selected">Findings the filter selected.</param>
/// <param name="Changed">Findings changed (acceptance requests created, for accept-request).</param>
public sealed record BulkResult(BulkOperation Operation, int Selected, int Changed);

/// <summary>One open finding on someone's list, most urgent first.</summary>
public sealed record WorkItem(
    long Id, string Asset, string Title, Core.Findings.Priority Priority, Core.Findings.Severity Severity, WorkflowState State, string StateName,
    string? Assignee, string? OwnerTeam, DateTimeOffset? DueDate, bool Overdue);
