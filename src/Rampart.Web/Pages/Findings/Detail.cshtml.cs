using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rampart.Core.Findings;
using Rampart.Core.Workflow;
using Rampart.Services.Feeds;
using Rampart.Services.Findings;
using Rampart.Services.Prioritization;
using Rampart.Services.Workflow;

namespace Rampart.Web.Pages.Findings;

public sealed class DetailModel(
    FindingQueries queries, PriorityOverrideService overrides, FeedQueries feeds, FindingWorkflowService workflow, RiskAcceptanceService acceptances,
    EscalationService escalations) : PageModel
{
    /// <summary>State, owners, allowed steps, history, acceptances and due diligence.</summary>
    public FindingWorkflowView Workflow { get; private set; } = null!;

    /// <summary>The escalation steps that reached this finding.</summary>
    public IReadOnlyList<Core.Workflow.Escalation> Escalations { get; private set; } = [];

    /// <summary>Why the last remediation step was refused; nothing changed.</summary>
    public string? WorkflowError { get; private set; }

    [BindProperty]
    public string? StepAction { get; set; }

    [BindProperty]
    public string? StepComment { get; set; }

    [BindProperty]
    public string? VexJustification { get; set; }

    [BindProperty]
    public long? DuplicateOf { get; set; }

    [BindProperty]
    public string? Assignee { get; set; }

    [BindProperty]
    public string? AcceptJustification { get; set; }

    [BindProperty]
    public string? AcceptControls { get; set; }

    [BindProperty]
    public DateOnly? AcceptUntil { get; set; }

    [BindProperty]
    public long? AcceptanceId { get; set; }

    private string UserName => User.Identity?.Name ?? "unknown";

    /// <summary>Every loaded day's EPSS score of the finding's vulnerability (the alias with the highest score), oldest first.</summary>
    public IReadOnlyList<EpssPoint> EpssTrend { get; private set; } = [];

    public FindingDetail Finding { get; private set; } = null!;

    /// <summary>Why the last override request was refused, shown beside the form.</summary>
    public string? OverrideError { get; private set; }

    [BindProperty]
    public string? OverridePriority { get; set; }

    [BindProperty]
    public string? Justification { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostOverrideAsync(long id, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<Priority>(OverridePriority, out var priority) || !Enum.IsDefined(priority))
        {
            OverrideError = "Choose a priority (P1 to P4).";
            return await ShowAsync(id, cancellationToken);
        }

        try
        {
            await overrides.SetAsync(id, priority, Justification, User.Identity?.Name ?? "unknown", cancellationToken);
        }
        catch (PrioritizationException error)
        {
            OverrideError = error.Message;
            return await ShowAsync(id, cancellationToken);
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostClearOverrideAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            await overrides.ClearAsync(id, User.Identity?.Name ?? "unknown", cancellationToken);
        }
        catch (PrioritizationException error)
        {
            OverrideError = error.Message;
            return await ShowAsync(id, cancellationToken);
        }

        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostStepAsync(long id, CancellationToken cancellationToken) => WorkflowStepAsync(id, async ct =>
    {
        if (!FindingWorkflow.TryParseAction(StepAction, out var action))
        {
            throw new WorkflowRuleException($"Choose a step: {FindingWorkflow.ActionChoices}.");
        }

        Core.Workflow.VexJustification? justification = null;
        if (action == WorkflowAction.MarkNotAffected)
        {
            justification = VexJustifications.TryParse(VexJustification, out var parsed)
                ? parsed
                : throw new WorkflowRuleException($"Choose why it is not affected: {VexJustifications.Choices}.");
        }

        await workflow.TransitionAsync(id, new WorkflowStep(action, StepComment, justification, action == WorkflowAction.MarkDuplicate ? DuplicateOf : null), UserName, ct);
    }, cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(long id, CancellationToken cancellationToken) =>
        WorkflowStepAsync(id, ct => workflow.AssignAsync(id, Assignee, UserName, StepComment, ct), cancellationToken);

    public Task<IActionResult> OnPostRequestAcceptanceAsync(long id, CancellationToken cancellationToken) => WorkflowStepAsync(id, ct =>
    {
        var until = AcceptUntil is { } day
            ? new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero)
            : throw new WorkflowRuleException("Choose the day the acceptance ends.");
        return acceptances.RequestAsync(id, AcceptJustification, AcceptControls, until, UserName, ct);
    }, cancellationToken);

    public Task<IActionResult> OnPostApproveAcceptanceAsync(long id, CancellationToken cancellationToken) =>
        WorkflowStepAsync(id, ct => acceptances.ApproveAsync(AcceptanceId ?? 0, UserName, StepComment, ct), cancellationToken);

    public Task<IActionResult> OnPostRejectAcceptanceAsync(long id, CancellationToken cancellationToken) =>
        WorkflowStepAsync(id, ct => acceptances.RejectAsync(AcceptanceId ?? 0, UserName, StepComment, ct), cancellationToken);

    private async Task<IActionResult> WorkflowStepAsync(long id, Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        try
        {
            await step(cancellationToken);
            return RedirectToPage(new { id });
        }
        catch (Exception error) when (error is WorkflowRuleException or WorkflowNotFoundException)
        {
            WorkflowError = error.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await ShowAsync(id, cancellationToken);
        }
    }

    private async Task<IActionResult> ShowAsync(long id, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } finding)
        {
            return NotFound();
        }

        Finding = finding;
        Workflow = await workflow.GetAsync(id, cancellationToken);
        Escalations = await escalations.ForFindingAsync(id, cancellationToken);
        if (finding.Prioritization?.Intel.EpssId is { } cve)
        {
            EpssTrend = await feeds.EpssHistoryAsync(cve, cancellationToken);
        }

        return Page();
    }
}
