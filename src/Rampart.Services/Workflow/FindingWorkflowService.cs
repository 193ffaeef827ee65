using Microsoft.EntityFrameworkCore;
using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Core.Security;
using Rampart.Core.Workflow;
using Rampart.Data;

namespace Rampart.Services.Workflow;

/// <summary>
/// A finding's remediation steps (AIS-07): triage, start, fix, verify, reopen, false positive, not affected, duplicate,
/// and assignment. Each step is checked against <see cref="FindingWorkflow"/> and the people's rights, then saved with
/// its <see cref="FindingTransition"/> in one transaction, and the listeners hear of it after the commit. A refused
/// step throws <see cref="WorkflowRuleException"/> (or <see cref="WorkflowNotFoundException"/>) and changes nothing.
/// Risk acceptance goes through <see cref="RiskAcceptanceService"/> (a request approved by someone else).
/// </summary>
public sealed class FindingWorkflowService(RampartDbContext db, TimeProvider clock, WorkflowEvents events)
{
    /// <exception cref="WorkflowRuleException">The step is not allowed from the finding's state, or the user may not take it.</exception>
    public async Task<FindingTransitionView> TransitionAsync(long findingId, WorkflowStep step, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var user = await WorkflowUsers.ActorAsync(db, userName, cancellationToken);
        var transition = await InTransactionAsync(async () =>
        {
            var finding = await FindingAsync(findingId, cancellationToken);
            var comment = Check(user, finding.Id, finding.State, finding.Asset!.Name, finding.Asset.OwnerTeam, step);
            if (step.DuplicateOf is { } original)
            {
                await CheckOriginalAsync(finding.Id, original, cancellationToken);
            }

            return Move(finding, FindingWorkflow.KindOf(step.Action), FindingWorkflow.TargetOf(step.Action), user.UserName, comment, step);
        }, cancellationToken);
        return transition!; // a step either moves the finding or throws
    }

    /// <summary>
    /// For ticket connectors: the ticket was closed, so the finding is fixed and awaits verification by a scan. Null,
    /// with nothing changed, when the finding is already marked fixed or closed (a ticket closed twice, or after the scan).
    /// </summary>
    /// <param name="by">Who closed it, as the connector names it ("jira:SEC-12 by alice"); not a Rampart user.</param>
    public async Task<FindingTransitionView?> MarkFixedAsync(long findingId, string by, string? comment, CancellationToken cancellationToken = default)
    {
        var actor = WorkflowText.Required(by, "name of who marked it fixed", 1, ColumnLengths.Name);
        return await InTransactionAsync(async () =>
        {
            var finding = await FindingAsync(findingId, cancellationToken);
            return FindingWorkflow.IsAllowed(finding.State, WorkflowAction.MarkFixed)
                ? Move(finding, TransitionKind.MarkFixed, WorkflowState.FixedAwaitingVerification, actor, WorkflowText.Optional(comment, "comment"), null)
                : null;
        }, cancellationToken);
    }

    /// <summary>Assigns the finding to a user with access to its asset, or unassigns it (<paramref name="assignee"/> blank).</summary>
    /// <returns>The recorded step, or null when the finding was already assigned so.</returns>
    public async Task<FindingTransitionView?> AssignAsync(long findingId, string? assignee, string userName, string? comment = null, CancellationToken cancellationToken = default)
    {
        var user = await WorkflowUsers.ActorAsync(db, userName, cancellationToken);
        var target = await AssigneeAsync(assignee, cancellationToken);
        var note = WorkflowText.Optional(comment, "comment");
        return await InTransactionAsync(async () =>
        {
            var finding = await FindingAsync(findingId, cancellationToken);
            var asset = finding.Asset!;
            WorkflowUsers.RequireAccess(user, asset.Name, asset.OwnerTeam);
            if (target is not null && !FindingAccess.CanAccess(target, asset.OwnerTeam))
            {
                throw new WorkflowRuleException($"Finding {finding.Id} cannot be assigned to {target.UserName}: " + WorkflowUsers.NoAccess(target, asset.Name, asset.OwnerTeam));
            }

            if (string.Equals(finding.Assignee, target?.UserName, StringComparison.Ordinal))
            {
                return null;
            }

            var text = AssignmentText(finding.Assignee, target?.UserName, note);
            finding.Assignee = target?.UserName;
            return Record(finding, TransitionKind.Assign, finding.State, user.UserName, text, null);
        }, cancellationToken);
    }

    /// <summary>The finding's steps, oldest first: from import to closure.</summary>
    public async Task<IReadOnlyList<FindingTransitionView>> HistoryAsync(long findingId, CancellationToken cancellationToken = default)
    {
        if (!await db.Findings.AnyAsync(f => f.Id == findingId, cancellationToken))
        {
            throw new WorkflowNotFoundException($"There is no finding {findingId}.");
        }

        var rows = await db.FindingTransitions.AsNoTracking().Where(t => t.FindingId == findingId)
            .OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(FindingTransitionView.Of)];
    }

    /// <summary>State, owners, allowed actions, history, acceptances and due diligence of one finding.</summary>
    public async Task<FindingWorkflowView> GetAsync(long findingId, CancellationToken cancellationToken = default)
    {
        var finding = await db.Findings.AsNoTracking().Include(f => f.Asset).SingleOrDefaultAsync(f => f.Id == findingId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"There is no finding {findingId}.");
        var asset = finding.Asset!;
        var history = await HistoryAsync(findingId, cancellationToken);
        var acceptances = await db.RiskAcceptances.AsNoTracking().Where(a => a.FindingId == findingId).OrderByDescending(a => a.Id).ToListAsync(cancellationToken);
        var diligence = await db.DueDiligenceItems.AsNoTracking().SingleOrDefaultAsync(d => d.FindingId == findingId, cancellationToken);
        var party = RemediationOwnership.AccountableFor(asset.Layer);
        return new FindingWorkflowView(
            finding.Id, finding.State, FindingWorkflow.Name(finding.State), finding.Status, finding.Assignee, asset.OwnerTeam, party,
            RemediationOwnership.Describe(party), asset.Name, asset.UpstreamProvider, finding.DuplicateOfId,
            finding.NotAffectedJustification is { } j ? VexJustifications.Label(j) : null,
            [.. FindingWorkflow.Allowed(finding.State).Where(a => a != WorkflowAction.AcceptRisk).Select(FindingWorkflow.ActionName)],
            history, [.. acceptances.Select(RiskAcceptanceView.Of)], diligence is null ? null : DueDiligenceView.Of(diligence));
    }

    /// <summary>
    /// The checks of one step that need no database: rights, required texts, the transition table. Returns the comment.
    /// Shared with bulk triage, which checks every selected finding before it changes any.
    /// </summary>
    internal static string? Check(User user, long findingId, WorkflowState state, string asset, string? ownerTeam, WorkflowStep step)
    {
        WorkflowUsers.RequireAccess(user, asset, ownerTeam);
        if (step.Action == WorkflowAction.AcceptRisk)
        {
            throw new WorkflowRuleException(
                $"Risk on finding {findingId} is accepted through a request that another person approves (POST /api/v1/findings/{findingId}/risk-acceptances, rampart findings accept).");
        }

        if (step.Justification is not null && step.Action != WorkflowAction.MarkNotAffected)
        {
            throw new WorkflowRuleException($"A VEX justification goes with not-affected only, not with {FindingWorkflow.ActionName(step.Action)}.");
        }

        if (step.DuplicateOf is not null && step.Action != WorkflowAction.MarkDuplicate)
        {
            throw new WorkflowRuleException($"The finding duplicated goes with duplicate only, not with {FindingWorkflow.ActionName(step.Action)}.");
        }

        FindingWorkflow.Next(state, step.Action, $"finding {findingId}");
        switch (step.Action)
        {
            case WorkflowAction.Verify when !FindingAccess.CanVerify(user):
                throw new WorkflowRuleException(
                    $"{user.UserName} may not verify finding {findingId} by hand: only an admin or a security lead may; otherwise a later scan that no longer sees it verifies it.");
            case WorkflowAction.Verify:
                return WorkflowText.Required(step.Comment, "note saying how the fix was verified");
            case WorkflowAction.Reopen:
                return WorkflowText.Required(step.Comment, "comment saying why it is reopened");
            case WorkflowAction.MarkFalsePositive:
                return WorkflowText.Required(step.Comment, "comment saying why it is a false positive");
            case WorkflowAction.MarkNotAffected when step.Justification is null:
                throw new WorkflowRuleException($"Say why finding {findingId} is not affected: one of {VexJustifications.Choices}.");
            case WorkflowAction.MarkDuplicate when step.DuplicateOf is null:
                throw new WorkflowRuleException($"Name the finding that finding {findingId} duplicates.");
            default:
                return WorkflowText.Optional(step.Comment, "comment");
        }
    }

    internal static string AssignmentText(string? from, string? to, string? note)
    {
        var text = to is null ? $"unassigned (was {from})" : from is null ? $"assigned to {to}" : $"assigned to {to} (was {from})";
        return note is null ? text : $"{text}: {note}";
    }

    internal async Task<User?> AssigneeAsync(string? assignee, CancellationToken cancellationToken)
    {
        var name = assignee?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == name, cancellationToken)
            ?? throw new WorkflowRuleException($"{name} is not a Rampart user; findings are assigned to users.");
    }

    private async Task CheckOriginalAsync(long findingId, long original, CancellationToken cancellationToken)
    {
        if (original == findingId)
        {
            throw new WorkflowRuleException($"Finding {findingId} cannot duplicate itself.");
        }

        var state = await db.Findings.Where(f => f.Id == original).Select(f => (WorkflowState?)f.State).SingleOrDefaultAsync(cancellationToken)
            ?? throw new WorkflowRuleException($"Finding {findingId} cannot duplicate finding {original}: there is no finding {original}.");
        if (state == WorkflowState.Duplicate)
        {
            var root = await db.Findings.Where(f => f.Id == original).Select(f => f.DuplicateOfId).SingleAsync(cancellationToken);
            throw new WorkflowRuleException($"Finding {original} is itself a duplicate (of finding {root}); mark finding {findingId} as a duplicate of the original.");
        }
    }

    private async Task<Finding> FindingAsync(long findingId, CancellationToken cancellationToken) =>
        await db.Findings.Include(f => f.Asset).SingleOrDefaultAsync(f => f.Id == findingId, cancellationToken)
        ?? throw new WorkflowNotFoundException($"There is no finding {findingId}.");

    /// <summary>Moves the tracked finding and records the step (saved by the caller's transaction).</summary>
    internal FindingTransition Move(Finding finding, TransitionKind kind, WorkflowState to, string by, string? comment, WorkflowStep? step)
    {
        var from = finding.State;
        finding.State = to;
        finding.Status = FindingWorkflow.StatusOf(to);
        finding.StatusChangedAt = clock.GetUtcNow();
        finding.NotAffectedJustification = to == WorkflowState.NotAffected ? step?.Justification : null;
        finding.DuplicateOfId = to == WorkflowState.Duplicate ? step?.DuplicateOf : null;
        var transition = Record(finding, kind, from, by, comment, step?.Justification);
        return transition;
    }

    private FindingTransition Record(Finding finding, TransitionKind kind, WorkflowState from, string by, string? comment, VexJustification? justification)
    {
        var transition = new FindingTransition
        {
            FindingId = finding.Id,
            FromState = from,
            ToState = finding.State,
            Kind = kind,
            By = WorkflowText.Clip(by, ColumnLengths.Name),
            At = clock.GetUtcNow(),
            Comment = comment is null ? null : WorkflowText.Clip(comment, ColumnLengths.Message),
            Justification = justification,
        };
        db.FindingTransitions.Add(transition);
        return transition;
    }

    /// <summary>Runs a step in one transaction; nothing stays tracked if it is refused; listeners hear of it after the commit.</summary>
    private async Task<FindingTransitionView?> InTransactionAsync(Func<Task<FindingTransition?>> step, CancellationToken cancellationToken)
    {
        FindingTransition? transition;
        string? assignee;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            transition = await step();
            if (transition is null)
            {
                return null;
            }

            assignee = db.ChangeTracker.Entries<Finding>().Single(e => e.Entity.Id == transition.FindingId).Entity.Assignee;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        await events.PublishAsync([FindingTransitionEvent.Of(transition, assignee)], cancellationToken);
        return FindingTransitionView.Of(transition);
    }
}
