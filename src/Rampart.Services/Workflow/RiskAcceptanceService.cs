using Microsoft.EntityFrameworkCore;
using Rampart.Core.Findings;
using Rampart.Core.Notifications;
using Rampart.Core.Workflow;
using Rampart.Data;
using Rampart.Services.Policies;

namespace Rampart.Services.Workflow;

/// <summary>
/// Risk acceptance under the policy in force: one person requests it for an open finding (justification, compensating
/// controls, end date); another person holding one of the policy's risk-acceptance approver roles approves it, for no
/// longer than the policy's maximum counted from the approval; the finding is then Risk accepted. When it ends,
/// <see cref="ExpireAsync"/> (a daily job) reopens the finding to Triaged and tells its assignee and owner team. The
/// acceptance record stays as evidence: requester, approver, dates, the policy version and its maximum.
/// </summary>
public sealed class RiskAcceptanceService(RampartDbContext db, TimeProvider clock, PolicyTermsCache policy, FindingWorkflowService workflow, WorkflowEvents events)
{
    public const string ExpiredNotification = "risk-acceptance-expired";

    /// <exception cref="WorkflowRuleException">Texts, end date, rights or the finding's state refuse it; nothing is stored.</exception>
    public async Task<RiskAcceptanceView> RequestAsync(
        long findingId, string? justification, string? compensatingControls, DateTimeOffset until, string userName, CancellationToken cancellationToken = default)
    {
        var created = await RequestManyAsync([findingId], justification, compensatingControls, until, userName, cancellationToken);
        return created[0];
    }

    /// <summary>One request per finding, all or nothing (bulk triage); the same checks as <see cref="RequestAsync"/>.</summary>
    internal async Task<IReadOnlyList<RiskAcceptanceView>> RequestManyAsync(
        IReadOnlyList<long> findingIds, string? justification, string? compensatingControls, DateTimeOffset until, string userName, CancellationToken cancellationToken)
    {
        var user = await WorkflowUsers.ActorAsync(db, userName, cancellationToken);
        var why = WorkflowText.Required(justification, "justification", WorkflowText.MinimumJustification);
        var controls = WorkflowText.Required(compensatingControls, "compensating controls", WorkflowText.MinimumJustification);
        var now = clock.GetUtcNow();
        var terms = await policy.GetAsync(db, cancellationToken);
        CheckEnd(until, now, terms.Parameters.RiskAcceptance.MaxDays, terms.Describe(), "from now");

        var findings = await FindingRowsAsync(findingIds, cancellationToken);
        var pending = (await db.RiskAcceptances.Where(a => a.Status == RiskAcceptanceStatus.Requested && findingIds.Contains(a.FindingId))
            .Select(a => new { a.FindingId, a.Id }).ToListAsync(cancellationToken)).ToDictionary(a => a.FindingId, a => a.Id);
        var refusals = new List<string>();
        foreach (var finding in findings)
        {
            if (!Core.Workflow.FindingAccess.CanAccess(user, finding.OwnerTeam))
            {
                refusals.Add(WorkflowUsers.NoAccess(user, finding.Asset, finding.OwnerTeam));
            }
            else if (!FindingWorkflow.IsOpen(finding.State))
            {
                refusals.Add($"finding {finding.Id} is {FindingWorkflow.Name(finding.State)}; only an open finding's risk can be accepted (reopen it first)");
            }
            else if (pending.TryGetValue(finding.Id, out var open))
            {
                refusals.Add($"finding {finding.Id} already has risk acceptance request #{open} waiting for a decision");
            }
        }

        Refuse(refusals, findings.Count);
        var rows = findings.Select(f => new RiskAcceptance
        {
            FindingId = f.Id,
            Status = RiskAcceptanceStatus.Requested,
            Justification = why,
            CompensatingControls = controls,
            RequestedBy = user.UserName,
            RequestedAt = now,
            ExpiresAt = until.ToUniversalTime(),
        }).ToList();
        db.RiskAcceptances.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return [.. rows.Select(RiskAcceptanceView.Of)];
    }

    /// <exception cref="WorkflowRuleException">Self-approval, no approver role, beyond the maximum, already decided, or the finding is no longer open.</exception>
    public async Task<RiskAcceptanceView> ApproveAsync(long acceptanceId, string userName, string? comment = null, CancellationToken cancellationToken = default)
    {
        var user = await WorkflowUsers.ActorAsync(db, userName, cancellationToken);
        var note = WorkflowText.Optional(comment, "comment");
        FindingTransition transition;
        RiskAcceptance acceptance;
        string? assignee;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            acceptance = await PendingAsync(acceptanceId, cancellationToken);
            if (string.Equals(acceptance.RequestedBy, user.UserName, StringComparison.Ordinal))
            {
                throw new WorkflowRuleException($"{user.UserName} requested risk acceptance #{acceptanceId}; someone else must approve it.");
            }

            var terms = await policy.GetAsync(db, cancellationToken);
            var roles = terms.Parameters.RiskAcceptance.ApproverRoles;
            if (!roles.Any(user.HasRole))
            {
                throw new WorkflowRuleException(
                    $"{user.UserName} holds none of the roles {terms.Describe()} lets approve risk acceptances ({string.Join(", ", roles)}).");
            }

            var now = clock.GetUtcNow();
            var max = terms.Parameters.RiskAcceptance.MaxDays;
            CheckEnd(acceptance.ExpiresAt, now, max, terms.Describe(), "from the approval");
            var finding = await db.Findings.SingleAsync(f => f.Id == acceptance.FindingId, cancellationToken);
            FindingWorkflow.Next(finding.State, WorkflowAction.AcceptRisk, $"finding {finding.Id}");

            acceptance.Status = RiskAcceptanceStatus.Approved;
            acceptance.DecidedBy = user.UserName;
            acceptance.DecidedAt = now;
            acceptance.DecisionComment = note;
            acceptance.PolicyVersionId = terms.VersionId;
            acceptance.MaxDays = max;
            var text = $"risk acceptance #{acceptance.Id} requested by {acceptance.RequestedBy}, approved by {user.UserName} until {acceptance.ExpiresAt:yyyy-MM-dd} ({terms.Describe()}, at most {max} days)";
            transition = workflow.Move(finding, TransitionKind.AcceptRisk, WorkflowState.RiskAccepted, user.UserName, note is null ? text : $"{text}: {note}", null);
            assignee = finding.Assignee;
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        await events.PublishAsync([FindingTransitionEvent.Of(transition, assignee)], cancellationToken);
        return RiskAcceptanceView.Of(acceptance);
    }

    /// <summary>Refuses a request, with the reason; the finding stays as it is.</summary>
    public async Task<RiskAcceptanceView> RejectAsync(long acceptanceId, string userName, string? comment, CancellationToken cancellationToken = default)
    {
        var user = await WorkflowUsers.ActorAsync(db, userName, cancellationToken);
        var why = WorkflowText.Required(comment, "comment saying why the acceptance is rejected");
        try
        {
            var acceptance = await PendingAsync(acceptanceId, cancellationToken);
            var terms = await policy.GetAsync(db, cancellationToken);
            var roles = terms.Parameters.RiskAcceptance.ApproverRoles;
            var own = string.Equals(acceptance.RequestedBy, user.UserName, StringComparison.Ordinal);
            if (!own && !roles.Any(user.HasRole))
            {
                throw new WorkflowRuleException(
                    $"{user.UserName} holds none of the roles {terms.Describe()} lets decide risk acceptances ({string.Join(", ", roles)}); the requester may withdraw it.");
            }

            acceptance.Status = RiskAcceptanceStatus.Rejected;
            acceptance.DecidedBy = user.UserName;
            acceptance.DecidedAt = clock.GetUtcNow();
            acceptance.DecisionComment = why;
            acceptance.PolicyVersionId = terms.VersionId;
            await db.SaveChangesAsync(cancellationToken);
            return RiskAcceptanceView.Of(acceptance);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Ends every approved acceptance whose end has come (by the clock): the finding, if still Risk accepted, reopens to
    /// Triaged, and its assignee and owner team (else the requester) get an in-app notification. For a daily job.
    /// </summary>
    /// <returns>The acceptances ended.</returns>
    public async Task<int> ExpireAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var transitions = new List<(FindingTransition Transition, string? Assignee)>();
        int ended;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await db.RiskAcceptances.Where(a => a.Status == RiskAcceptanceStatus.Approved && a.ExpiresAt <= now)
                .OrderBy(a => a.Id).ToListAsync(cancellationToken);
            ended = due.Count;
            if (due.Count == 0)
            {
                return 0;
            }

            var ids = due.Select(a => a.FindingId).Distinct().ToList();
            var findings = await db.Findings.Include(f => f.Asset).Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
            foreach (var acceptance in due)
            {
                acceptance.Status = RiskAcceptanceStatus.Expired;
                acceptance.ExpiredAt = now;
                var finding = findings[acceptance.FindingId];
                if (finding.State != WorkflowState.RiskAccepted)
                {
                    continue; // closed another way meanwhile (a scan, a person): the acceptance just ends
                }

                var text = $"risk acceptance #{acceptance.Id} (approved by {acceptance.DecidedBy}) ended on {acceptance.ExpiresAt:yyyy-MM-dd}";
                transitions.Add((workflow.Move(finding, TransitionKind.AcceptanceExpired, WorkflowState.Triaged, "system", text, null), finding.Assignee));
                Notify(finding, acceptance, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        await events.PublishAsync([.. transitions.Select(t => FindingTransitionEvent.Of(t.Transition, t.Assignee))], cancellationToken);
        return ended;
    }

    public async Task<IReadOnlyList<RiskAcceptanceView>> ListAsync(RiskAcceptanceStatus? status = null, CancellationToken cancellationToken = default)
    {
        var query = db.RiskAcceptances.AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(a => a.Status == wanted);
        }

        return [.. (await query.OrderByDescending(a => a.Id).Take(1000).ToListAsync(cancellationToken)).Select(RiskAcceptanceView.Of)];
    }

    private void Notify(Finding finding, RiskAcceptance acceptance, DateTimeOffset now)
    {
        var recipients = new List<string>();
        if (finding.Assignee is { } assignee)
        {
            recipients.Add(assignee);
        }

        if (!string.IsNullOrWhiteSpace(finding.Asset?.OwnerTeam))
        {
            recipients.Add("team:" + finding.Asset.OwnerTeam.Trim());
        }

        if (recipients.Count == 0)
        {
            recipients.Add(acceptance.RequestedBy);
        }

        foreach (var recipient in recipients)
        {
            db.Notifications.Add(new Notification
            {
                Recipient = recipient,
                Kind = ExpiredNotification,
                Subject = WorkflowText.Clip($"Risk acceptance ended: finding {finding.Id} {finding.Title}", ColumnLengths.Title),
                Body = $"The risk acceptance #{acceptance.Id} of finding {finding.Id} on {finding.Asset?.Name} ended on {acceptance.ExpiresAt:yyyy-MM-dd}. "
                    + "The finding is open again (Triaged): remediate it or request a new acceptance.",
                Link = $"/findings/{finding.Id}",
                CreatedAt = now,
            });
        }
    }

    private static void CheckEnd(DateTimeOffset until, DateTimeOffset now, int maxDays, string policyName, string from)
    {
        if (until <= now)
        {
            throw new WorkflowRuleException($"The acceptance must end in the future (it ends {until:yyyy-MM-dd HH:mm} UTC).");
        }

        if (until > now.AddDays(maxDays))
        {
            throw new WorkflowRuleException(
                $"The acceptance ends {until:yyyy-MM-dd}, beyond the {maxDays} days {policyName} allows {from} (at most {now.AddDays(maxDays):yyyy-MM-dd}).");
        }
    }

    private async Task<RiskAcceptance> PendingAsync(long acceptanceId, CancellationToken cancellationToken)
    {
        var acceptance = await db.RiskAcceptances.SingleOrDefaultAsync(a => a.Id == acceptanceId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"There is no risk acceptance {acceptanceId}.");
        return acceptance.Status == RiskAcceptanceStatus.Requested
            ? acceptance
            : throw new WorkflowRuleException($"Risk acceptance #{acceptanceId} is {acceptance.Status} (by {acceptance.DecidedBy ?? "the expiry job"}); only a request waiting for a decision can be approved or rejected.");
    }

    private async Task<List<FindingRow>> FindingRowsAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Findings.AsNoTracking().Where(f => ids.Contains(f.Id))
            .Select(f => new FindingRow(f.Id, f.State, f.Asset!.Name, f.Asset.OwnerTeam)).ToListAsync(cancellationToken);
        if (rows.Count < ids.Count)
        {
            var missing = ids.Except(rows.Select(r => r.Id)).First();
            throw new WorkflowNotFoundException($"There is no finding {missing}.");
        }

        return rows;
    }

    /// <summary>All or nothing: any refusal refuses the whole action, naming the first few.</summary>
    internal static void Refuse(List<string> refusals, int selected)
    {
        if (refusals.Count == 0)
        {
            return;
        }

        if (selected == 1)
        {
            throw new WorkflowRuleException(char.ToUpperInvariant(refusals[0][0]) + refusals[0][1..] + ".");
        }

        throw new WorkflowRuleException(
            $"{refusals.Count:N0} of the {selected:N0} selected findings refuse the action, so nothing was changed: "
            + string.Join("; ", refusals.Take(5)) + (refusals.Count > 5 ? $"; and {refusals.Count - 5:N0} more." : "."));
    }

    internal sealed record FindingRow(long Id, WorkflowState State, string Asset, string? OwnerTeam);
}
