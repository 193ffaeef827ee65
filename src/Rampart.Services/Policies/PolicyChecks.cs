using Microsoft.EntityFrameworkCore;
using Rampart.Core.Findings;
using Rampart.Core.Notifications;
using Rampart.Core.Policies;
using Rampart.Core.Security;
using Rampart.Data;

namespace Rampart.Services.Policies;

/// <summary>
/// The policy's daily checks (run by the server's schedule and by <c>rampart policy check</c>): raise a significant
/// change when assets of a layer outside the scope appear; remind stakeholders who have not acknowledged the version in
/// force; tell the approvers when a review is due or overdue; end expired exemptions (due dates go back to the
/// policy's). Each reminder is sent at most once per <see cref="ReminderInterval"/>. Running twice changes nothing.
/// </summary>
public sealed class PolicyChecks(RampartDbContext db, TimeProvider clock, PolicyTermsCache policy, DueDateRecomputer recomputer)
{
    public static readonly TimeSpan ReminderInterval = TimeSpan.FromDays(7);

    /// <summary>A review due within this many days is announced.</summary>
    public const int ReviewNoticeDays = 30;

    public async Task<PolicyCheckResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var expired = await EndExpiredExemptionsAsync(now, cancellationToken);
        var inForce = await db.PolicyVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Status == PolicyStatus.Published, cancellationToken);
        if (inForce is null)
        {
            return new PolicyCheckResult(0, 0, 0, expired);
        }

        var parameters = PolicyDocument.Parse(inForce.FileName, inForce.Content).Parameters;
        var raised = await RaiseScopeGapsAsync(parameters, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // a gap raised now calls for the review announced below
        var reminded = await RemindAsync(inForce, parameters, now, cancellationToken);
        var review = await AnnounceReviewAsync(inForce, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new PolicyCheckResult(raised, reminded, review, expired);
    }

    private async Task<int> RaiseScopeGapsAsync(PolicyParameters parameters, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var assets = await db.Assets.AsNoTracking().Select(a => new { a.Name, a.Kind, a.Layer }).ToListAsync(cancellationToken);
        var open = await db.SignificantChanges.AsNoTracking()
            .Where(c => c.AddressedByVersionId == null && c.Kind == SignificantChangeKind.NewAssetLayer && c.Layer != null)
            .Select(c => c.Layer!.Value).ToListAsync(cancellationToken);
        var raised = 0;
        foreach (var gap in assets.GroupBy(a => PolicyLayers.Of(a.Kind, a.Layer)).Where(g => !parameters.Scope.Layers.Contains(g.Key) && !open.Contains(g.Key)))
        {
            var names = string.Join(", ", gap.Select(a => a.Name).Order(StringComparer.Ordinal).Take(5));
            db.SignificantChanges.Add(new SignificantChange
            {
                Kind = SignificantChangeKind.NewAssetLayer,
                Layer = gap.Key,
                Description = Clip($"{gap.Count()} asset(s) of the {PolicyLayers.Name(gap.Key)} layer, which the policy in force does not cover: {names}"),
                RecordedAt = now,
            });
            raised++;
        }

        return raised;
    }

    private async Task<int> RemindAsync(PolicyVersion version, PolicyParameters parameters, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (version.PublishedAt is { } published && now - published < ReminderInterval)
        {
            return 0; // the publication notice itself is recent
        }

        var people = await PolicyAudience.PeopleAsync(db, parameters.Stakeholders, cancellationToken);
        var acknowledged = await db.PolicyAcknowledgements.AsNoTracking().Where(a => a.PolicyVersionId == version.Id).Select(a => a.UserName).ToListAsync(cancellationToken);
        var since = now - ReminderInterval;
        var link = $"/policy/{version.Number}";
        var recent = await db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKinds.PolicyAckReminder && n.Link == link && n.CreatedAt > since)
            .Select(n => n.Recipient).ToListAsync(cancellationToken);
        var due = people.Select(p => p.UserName).Except(acknowledged, StringComparer.Ordinal).Except(recent, StringComparer.Ordinal).ToList();
        foreach (var person in due)
        {
            db.Notifications.Add(new Notification
            {
                Recipient = person,
                Kind = NotificationKinds.PolicyAckReminder,
                Subject = Clip($"Reminder: please acknowledge TVM policy version {version.Number}"),
                Body = $"Version {version.Number} ({version.Title}) has been in force since {version.PublishedAt:yyyy-MM-dd}; you have not acknowledged it yet.",
                Link = link,
                CreatedAt = now,
            });
        }

        return due.Count;
    }

    private async Task<int> AnnounceReviewAsync(PolicyVersion version, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var changes = await db.SignificantChanges.AsNoTracking().CountAsync(c => c.AddressedByVersionId == null, cancellationToken);
        var dueSoon = version.NextReviewDue is { } next && next <= today.AddDays(ReviewNoticeDays);
        if (!dueSoon && changes == 0)
        {
            return 0;
        }

        var since = now - ReminderInterval;
        if (await db.Notifications.AnyAsync(n => n.Kind == NotificationKinds.PolicyReviewDue && n.CreatedAt > since, cancellationToken))
        {
            return 0;
        }

        var approvers = (await db.Users.AsNoTracking().ToListAsync(cancellationToken))
            .Where(u => u.HasRole(Roles.Approver) || u.HasRole(Roles.SecurityLead)).Select(u => u.UserName)
            .Append(version.Author).Distinct(StringComparer.Ordinal).ToList();
        var why = changes > 0
            ? $"{changes} significant change(s) recorded since the last approval call for a review now"
            : version.NextReviewDue < today
                ? $"the yearly review was due on {version.NextReviewDue:yyyy-MM-dd} and is overdue"
                : $"the review is due by {version.NextReviewDue:yyyy-MM-dd}";
        foreach (var person in approvers)
        {
            db.Notifications.Add(new Notification
            {
                Recipient = person,
                Kind = NotificationKinds.PolicyReviewDue,
                Subject = Clip($"TVM policy version {version.Number}: review due"),
                Body = Clip($"The policy in force needs a review: {why}."),
                Link = "/policy/evidence",
                CreatedAt = now,
            });
        }

        return approvers.Count;
    }

    /// <summary>An exemption that expired stops applying: its findings' due dates are set again from the policy in force.</summary>
    private async Task<int> EndExpiredExemptionsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expired = await db.PolicyExemptions.Where(e => e.ApprovedAt != null && e.ExpiryProcessedAt == null).ToListAsync(cancellationToken);
        expired = [.. expired.Where(e => e.ExpiresAt <= now)];
        if (expired.Count == 0)
        {
            return 0;
        }

        var terms = await policy.GetAsync(db, cancellationToken);
        foreach (var exemption in expired)
        {
            var findings = await db.Findings.Include(f => f.Asset)
                .Where(f => f.Status == FindingStatus.Open && (exemption.FindingId != null ? f.Id == exemption.FindingId : f.AssetId == exemption.AssetId))
                .ToListAsync(cancellationToken);
            foreach (var finding in findings)
            {
                finding.DueDate = terms.TimeframesFor(finding.Asset!).DueDate(finding.Priority, finding.FirstSeen);
                finding.PolicyVersionId = terms.VersionId;
            }

            exemption.ExpiryProcessedAt = now;
            db.Notifications.Add(new Notification
            {
                Recipient = exemption.RequestedBy,
                Kind = NotificationKinds.ExemptionExpired,
                Subject = Clip($"Policy exception {exemption.Id} expired on {exemption.ExpiresAt:yyyy-MM-dd}"),
                Body = $"{findings.Count} open finding(s) are due again by the policy's timeframes.",
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await recomputer.ApplyExemptionsAsync(now, cancellationToken); // another exemption may still cover some of them
        return expired.Count;
    }

    private static string Clip(string text) => text.Length <= ColumnLengths.Message ? text : text[..ColumnLengths.Message];
}

/// <param name="SignificantChangesRaised">Layers found uncovered (a significant change each).</param>
/// <param name="AcknowledgementReminders">People reminded to acknowledge.</param>
/// <param name="ReviewNotices">People told that a review is due.</param>
/// <param name="ExemptionsEnded">Exemptions that expired and stopped applying.</param>
public sealed record PolicyCheckResult(int SignificantChangesRaised, int AcknowledgementReminders, int ReviewNotices, int ExemptionsEnded);
