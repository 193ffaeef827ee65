using Microsoft.EntityFrameworkCore;
using Rampart.Core.Findings;
using Rampart.Core.Security;
using Rampart.Core.Workflow;
using Rampart.Data;
using Rampart.Services.Findings;
using Rampart.Services.Imports.Bulk;

namespace Rampart.Services.Workflow;

/// <summary>
/// One action on every finding the findings list's filter selects: assign, triage, start, false positive, not affected,
/// or request risk acceptance. Every selected finding is checked first; one refusal refuses all (nothing changes). The
/// change is set-based: one UPDATE per starting state, the transitions written in one bulk insert.
/// </summary>
public sealed class BulkTriageService(
    RampartDbContext db, TimeProvider clock, FindingQueries queries, FindingWorkflowService workflow, RiskAcceptanceService acceptances, WorkflowEvents events)
{
    /// <summary>The most findings one bulk action takes.</summary>
    public const int MaxFindings = 10_000;

    /// <exception cref="WorkflowRuleException">Too many findings, or any of them refuses the action; nothing was changed.</exception>
    public async Task<BulkResult> ApplyAsync(BulkRequest request, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Enum.IsDefined(request.Operation))
        {
            throw new WorkflowRuleException($"'{request.Operation}' is not a bulk action.");
        }

        var user = await WorkflowUsers.ActorAsync(db, userName, cancellationToken);
        var now = clock.GetUtcNow();
        var selection = await queries.FilterAsync(request.Filter, now, cancellationToken);
        if (selection is null)
        {
            return new BulkResult(request.Operation, 0, 0);
        }

        var count = await selection.CountAsync(cancellationToken);
        if (count > MaxFindings)
        {
            throw new WorkflowRuleException(
                $"The filter selects {count:N0} findings; a bulk action takes at most {MaxFindings:N0}. Narrow the filter (asset, status, priority, severity, q); nothing was changed.");
        }

        var rows = await selection.OrderBy(f => f.Id)
            .Select(f => new RiskAcceptanceService.FindingRow(f.Id, f.State, f.Asset!.Name, f.Asset.OwnerTeam))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return new BulkResult(request.Operation, 0, 0);
        }

        if (request.Operation == BulkOperation.AcceptRequest)
        {
            var created = await acceptances.RequestManyAsync(
                [.. rows.Select(r => r.Id)], request.Comment, request.CompensatingControls,
                request.Until ?? throw new WorkflowRuleException("Say until when the risk would be accepted (until)."), user.UserName, cancellationToken);
            return new BulkResult(request.Operation, rows.Count, created.Count);
        }

        var changed = request.Operation == BulkOperation.Assign
            ? await AssignAsync(rows, request, user, now, cancellationToken)
            : await MoveAsync(rows, request, user, now, cancellationToken);
        return new BulkResult(request.Operation, rows.Count, changed);
    }

    private async Task<int> MoveAsync(List<RiskAcceptanceService.FindingRow> rows, BulkRequest request, User user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var action = request.Operation switch
        {
            BulkOperation.Triage => WorkflowAction.Triage,
            BulkOperation.Start => WorkflowAction.Start,
            BulkOperation.FalsePositive => WorkflowAction.MarkFalsePositive,
            BulkOperation.NotAffected => WorkflowAction.MarkNotAffected,
            _ => throw new WorkflowRuleException($"'{request.Operation}' is not a bulk state change."),
        };
        var step = new WorkflowStep(action, request.Comment, request.Justification);
        var refusals = new List<string>();
        string? comment = null;
        foreach (var row in rows)
        {
            try
            {
                comment = FindingWorkflowService.Check(user, row.Id, row.State, row.Asset, row.OwnerTeam, step);
            }
            catch (WorkflowRuleException refusal)
            {
                // One line per finding: the reason, without the list of allowed steps each single refusal ends with.
                var reason = refusal.Message.Split(" Allowed:", 2)[0];
                refusals.Add(reason.TrimEnd('.', ' '));
            }
        }

        RiskAcceptanceService.Refuse(refusals, rows.Count);
        var to = FindingWorkflow.TargetOf(action);
        var status = FindingWorkflow.StatusOf(to);
        var transitions = rows.Select(r => new FindingTransition
        {
            FindingId = r.Id,
            FromState = r.State,
            ToState = to,
            Kind = FindingWorkflow.KindOf(action),
            By = user.UserName,
            At = now,
            Comment = comment is null ? "bulk action" : WorkflowText.Clip($"bulk action: {comment}", ColumnLengths.Message),
            Justification = request.Justification,
        }).ToList();

        await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var group in rows.GroupBy(r => r.State))
            {
                var from = group.Key;
                List<long> ids = [.. group.Select(r => r.Id)];
                var justification = to == WorkflowState.NotAffected ? request.Justification : null;
                var updated = await db.Findings.Where(f => ids.Contains(f.Id) && f.State == from).ExecuteUpdateAsync(s => s
                    .SetProperty(f => f.State, to)
                    .SetProperty(f => f.Status, status)
                    .SetProperty(f => f.StatusChangedAt, now)
                    .SetProperty(f => f.NotAffectedJustification, justification), cancellationToken);
                if (updated != ids.Count)
                {
                    throw new WorkflowRuleException($"{ids.Count - updated:N0} of the selected findings changed while the action ran; nothing was changed — try again.");
                }
            }

            await InsertAsync(transitions, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        await events.PublishAsync([.. transitions.Select(t => FindingTransitionEvent.Of(t))], cancellationToken);
        return rows.Count;
    }

    private async Task<int> AssignAsync(List<RiskAcceptanceService.FindingRow> rows, BulkRequest request, User user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var target = await workflow.AssigneeAsync(request.Assignee, cancellationToken);
        var note = WorkflowText.Optional(request.Comment, "comment");
        var refusals = new List<string>();
        foreach (var row in rows)
        {
            if (!FindingAccess.CanAccess(user, row.OwnerTeam))
            {
                refusals.Add(WorkflowUsers.NoAccess(user, row.Asset, row.OwnerTeam));
            }
            else if (target is not null && !FindingAccess.CanAccess(target, row.OwnerTeam))
            {
                refusals.Add($"finding {row.Id} cannot be assigned to {target.UserName}: {WorkflowUsers.NoAccess(target, row.Asset, row.OwnerTeam)}");
            }
        }

        RiskAcceptanceService.Refuse(refusals, rows.Count);
        List<long> ids = [.. rows.Select(r => r.Id)];
        var assignee = target?.UserName;
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var previous = await db.Findings.Where(f => ids.Contains(f.Id)).Select(f => new { f.Id, f.Assignee, f.State }).ToListAsync(cancellationToken);
        var changing = previous.Where(p => !string.Equals(p.Assignee, assignee, StringComparison.Ordinal)).ToList();
        List<long> changingIds = [.. changing.Select(p => p.Id)];
        await db.Findings.Where(f => changingIds.Contains(f.Id)).ExecuteUpdateAsync(s => s.SetProperty(f => f.Assignee, assignee), cancellationToken);
        var transitions = changing.Select(p => new FindingTransition
        {
            FindingId = p.Id,
            FromState = p.State,
            ToState = p.State,
            Kind = TransitionKind.Assign,
            By = user.UserName,
            At = now,
            Comment = WorkflowText.Clip("bulk action: " + FindingWorkflowService.AssignmentText(p.Assignee, assignee, note), ColumnLengths.Message),
        }).ToList();
        await InsertAsync(transitions, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        await events.PublishAsync([.. transitions.Select(t => FindingTransitionEvent.Of(t, assignee))], cancellationToken);
        return changing.Count;
    }

    /// <summary>The transitions in one bulk insert (PostgreSQL binary COPY, SQLite prepared statements), inside the caller's transaction.</summary>
    private async Task InsertAsync(List<FindingTransition> transitions, CancellationToken cancellationToken)
    {
        if (transitions.Count == 0)
        {
            return;
        }

        using var store = BulkStore.For(db);
        var table = BulkTable.For<FindingTransition>(db);
        var ids = await store.NextIdsAsync(table, transitions.Count, cancellationToken);
        for (var i = 0; i < ids.Length; i++)
        {
            transitions[i].Id = ids[i];
        }

        await store.InsertAsync(table, transitions, cancellationToken);
    }
}
