using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rampart.Core.Findings;
using Rampart.Core.Notifications;
using Rampart.Core.Policies;
using Rampart.Core.Security;
using Rampart.Core.Workflow;
using Rampart.Data;
using Rampart.Services.Policies;

namespace Rampart.Services.Workflow;

/// <summary>
/// Executes the escalation chain of the policy in force (AIS-07): for every open finding whose clock runs, each step
/// whose moment has come (due date + days after due) and has not fired for that due date is recorded as an
/// <see cref="Escalation"/> and told to its recipients in one in-app notification per recipient and batch. Findings
/// marked fixed (awaiting verification) or with a stopped clock are not escalated. Running it again changes nothing.
/// </summary>
public sealed class EscalationService(RampartDbContext db, TimeProvider clock, PolicyTermsCache policy)
{
    /// <summary>Findings read and recorded per round trip.</summary>
    public const int BatchSize = 2_000;

    /// <summary>Findings named one by one in a notification; the rest are counted.</summary>
    public const int ListedPerNotification = 20;

    public async Task<EscalationRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var terms = await policy.GetAsync(db, cancellationToken);
        var users = await db.Users.AsNoTracking().Select(u => new { u.UserName, u.IsAdmin, u.RoleList, u.TeamList }).ToListAsync(cancellationToken);
        var securityLeads = users.Where(u => ValueList.Split(u.RoleList).Contains(Roles.SecurityLead, StringComparer.Ordinal)).Select(u => u.UserName).Order(StringComparer.Ordinal).ToList();
        var admins = users.Where(u => u.IsAdmin).Select(u => u.UserName).Order(StringComparer.Ordinal).ToList();
        var leadsByTeam = users
            .Where(u => ValueList.Split(u.RoleList).Contains(Roles.TeamLead, StringComparer.Ordinal))
            .SelectMany(u => ValueList.Split(u.TeamList).Select(team => (team, u.UserName)))
            .GroupBy(x => x.team, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(x => x.UserName).Order(StringComparer.Ordinal)], StringComparer.Ordinal);

        var steps = new List<EscalationStepResult>();
        foreach (var step in terms.Parameters.Escalation.OrderBy(s => s.DaysAfterDue))
        {
            var threshold = now.AddDays(-step.DaysAfterDue); // due + days ≤ now ⇔ due ≤ now − days
            var fired = 0;
            var told = new HashSet<string>(StringComparer.Ordinal);
            DateTimeOffset? lastDue = null;
            long lastId = 0;
            while (true)
            {
                var query = db.Findings.AsNoTracking().Where(f =>
                    f.Status == FindingStatus.Open && f.State != WorkflowState.FixedAwaitingVerification
                    && f.SlaPausedAt == null && f.DueDate != null && f.DueDate <= threshold
                    && !db.Escalations.Any(e => e.FindingId == f.Id && e.DaysAfterDue == step.DaysAfterDue && e.Notify == step.Notify && e.DueDate == f.DueDate));
                if (lastDue is { } due)
                {
                    query = query.Where(f => f.DueDate > due || (f.DueDate == due && f.Id > lastId));
                }

                var batch = await query.OrderBy(f => f.DueDate).ThenBy(f => f.Id).Take(BatchSize)
                    .Select(f => new EscalatedFinding(f.Id, f.Title, f.Priority, f.DueDate!.Value, f.Assignee, f.Asset!.Name, f.Asset.OwnerTeam))
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                var byRecipient = new Dictionary<string, List<EscalatedFinding>>(StringComparer.Ordinal);
                foreach (var finding in batch)
                {
                    var people = new EscalationPeople(
                        finding.Assignee, finding.OwnerTeam,
                        finding.OwnerTeam is { } team && leadsByTeam.TryGetValue(team, out var leads) ? leads : [],
                        securityLeads, admins);
                    var recipients = EscalationSchedule.Recipients(step, people);
                    db.Escalations.Add(new Escalation
                    {
                        FindingId = finding.Id,
                        PolicyVersionId = terms.VersionId,
                        DaysAfterDue = step.DaysAfterDue,
                        Notify = step.Notify,
                        Recipients = Clip(string.Join(' ', recipients), 1000),
                        DueDate = finding.DueDate,
                        FiredAt = now,
                    });
                    foreach (var recipient in recipients)
                    {
                        (byRecipient.TryGetValue(recipient, out var list) ? list : byRecipient[recipient] = []).Add(finding);
                    }
                }

                foreach (var (recipient, findings) in byRecipient)
                {
                    db.Notifications.Add(Notify(recipient, step, findings, terms, now));
                    told.Add(recipient);
                }

                try
                {
                    await db.SaveChangesAsync(cancellationToken); // the records and the messages together, or neither
                    fired += batch.Count;
                }
                catch (DbUpdateException)
                {
                    // Another node recorded some of these steps between our read and write: its messages went out.
                    // Leave this batch to the next run, which sees what that node recorded.
                }

                db.ChangeTracker.Clear();
                lastDue = batch[^1].DueDate;
                lastId = batch[^1].Id;
            }

            steps.Add(new EscalationStepResult(step.DaysAfterDue, step.Notify, fired, [.. told.Order(StringComparer.Ordinal)]));
        }

        return new EscalationRunResult(now, terms.Describe(), steps);
    }

    /// <summary>The steps that reached one finding, oldest first.</summary>
    public async Task<IReadOnlyList<Escalation>> ForFindingAsync(long findingId, CancellationToken cancellationToken = default) =>
        await db.Escalations.AsNoTracking().Where(e => e.FindingId == findingId).OrderBy(e => e.Id).ToListAsync(cancellationToken);

    private static Notification Notify(string recipient, EscalationStep step, List<EscalatedFinding> findings, PolicyTerms terms, DateTimeOffset now)
    {
        var n = findings.Count;
        var what = n == 1 ? "1 finding" : $"{n.ToString(CultureInfo.InvariantCulture)} findings";
        var (kind, subject) = step.DaysAfterDue switch
        {
            < 0 => (NotificationKinds.FindingReminder, $"{what} {(n == 1 ? "is" : "are")} due in {-step.DaysAfterDue} day(s)"),
            0 => (NotificationKinds.FindingBreached, $"{what} passed {(n == 1 ? "its" : "their")} due date"),
            _ => (NotificationKinds.FindingEscalated, $"Escalation: {what} {(n == 1 ? "is" : "are")} {step.DaysAfterDue} day(s) past due"),
        };
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"Escalation step \"{step.Notify}\" at {step.DaysAfterDue} day(s) from the due date, under {terms.Describe()}.\n");
        foreach (var f in findings.OrderBy(f => f.Priority).ThenBy(f => f.DueDate).Take(ListedPerNotification))
        {
            body.Append(CultureInfo.InvariantCulture, $"{f.Priority} · {f.AssetName} · {f.Title} · due {f.DueDate:yyyy-MM-dd} · /findings/{f.Id}\n");
        }

        if (n > ListedPerNotification)
        {
            body.Append(CultureInfo.InvariantCulture, $"… and {n - ListedPerNotification} more.\n");
        }

        return new Notification
        {
            Recipient = recipient,
            Kind = kind,
            Subject = Clip(subject, 500),
            Body = body.ToString(),
            Link = n == 1 ? $"/findings/{findings[0].Id}" : "/findings?status=Open&sort=due",
            CreatedAt = now,
        };
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private sealed record EscalatedFinding(long Id, string Title, Priority Priority, DateTimeOffset DueDate, string? Assignee, string AssetName, string? OwnerTeam);
}

/// <summary>What one run of the escalation chain did.</summary>
public sealed record EscalationRunResult(DateTimeOffset At, string Policy, IReadOnlyList<EscalationStepResult> Steps)
{
    public int Fired => Steps.Sum(s => s.Findings);
}

/// <summary>One step of the chain in a run: how many findings it reached and whom it told.</summary>
public sealed record EscalationStepResult(int DaysAfterDue, string Notify, int Findings, IReadOnlyList<string> Recipients);
