using Microsoft.EntityFrameworkCore;
using Rampart.Core.Findings;
using Rampart.Core.Notifications;
using Rampart.Core.Policies;
using Rampart.Core.Security;
using Rampart.Data;

namespace Rampart.Services.Policies;

/// <summary>
/// The TVM policy's lifecycle: import a draft, submit it for review, approve it (an approver who is not the author;
/// the approved text's hash is kept), publish it (it comes into force, the previous version is superseded, open
/// findings' due dates are kept or recomputed as the publisher chose, stakeholders are told), acknowledge it, retire it.
/// Every transition is recorded with who, when, why and the text's hash. A refused step throws
/// <see cref="PolicyRuleException"/> and changes nothing.
/// </summary>
public sealed class PolicyService(RampartDbContext db, TimeProvider clock, PolicyTermsCache terms, DueDateRecomputer recomputer)
{
    /// <summary>Policy documents larger than this are refused (the parser's own bound).</summary>
    public const int MaxDocumentBytes = PolicyDocument.MaxBytes;

    /// <exception cref="PolicyFormatException">The document or its parameters are invalid (file and line named).</exception>
    /// <exception cref="PolicyRuleException">The author is not a user.</exception>
    public async Task<PolicyVersion> ImportAsync(string fileName, string text, string author, string? comment = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var user = await UserAsync(author, cancellationToken);
        var normalized = text.ReplaceLineEndings("\n");
        var document = PolicyDocument.Parse(Path.GetFileName(fileName), normalized);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var number = (await db.PolicyVersions.MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;
        var version = new PolicyVersion
        {
            Number = number,
            Title = Clip(document.Title, ColumnLengths.Title),
            Content = normalized,
            ContentHash = document.ContentHash,
            FileName = Clip(Path.GetFileName(fileName), ColumnLengths.FileName),
            Status = PolicyStatus.Draft,
            Author = user.UserName,
            CreatedAt = now,
        };
        db.PolicyVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(version, null, user.UserName, comment ?? $"imported from {version.FileName}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return version;
    }

    public Task<PolicyVersion> SubmitAsync(int number, string userName, string? comment = null, CancellationToken cancellationToken = default) =>
        MoveAsync(number, userName, PolicyAction.Submit, comment, null, cancellationToken);

    /// <summary>Approval by a user with the approver role who is not the author; the approved hash and next review date are kept.</summary>
    public Task<PolicyVersion> ApproveAsync(int number, string userName, string? comment = null, CancellationToken cancellationToken = default) =>
        MoveAsync(number, userName, PolicyAction.Approve, comment, async (version, user) =>
        {
            if (!user.HasRole(Roles.Approver))
            {
                throw new PolicyRuleException($"{user.UserName} does not hold the approver role; only an approver can approve a policy version.");
            }

            if (string.Equals(user.UserName, version.Author, StringComparison.Ordinal))
            {
                throw new PolicyRuleException($"{user.UserName} wrote version {version.Number}; the approver must be someone other than the author.");
            }

            var now = clock.GetUtcNow();
            var parameters = PolicyDocument.Parse(version.FileName, version.Content).Parameters;
            version.ApprovedBy = user.UserName;
            version.ApprovedAt = now;
            version.ApprovedHash = version.ContentHash;
            version.NextReviewDue = PolicyReview.NextDue(DateOnly.FromDateTime(now.UtcDateTime), parameters.ReviewIntervalMonths);

            // The review a significant change called for has happened: this approval answers every change recorded before it.
            var open = await db.SignificantChanges.Where(c => c.AddressedByVersionId == null && c.RecordedAt <= now).ToListAsync(cancellationToken);
            foreach (var change in open)
            {
                change.AddressedByVersionId = version.Id;
            }
        }, cancellationToken);

    /// <summary>Sends an In review version back to Draft, with the reason.</summary>
    public Task<PolicyVersion> RejectAsync(int number, string userName, string comment, CancellationToken cancellationToken = default) =>
        MoveAsync(number, userName, PolicyAction.Reject, RequireComment(comment, "rejecting"), null, cancellationToken);

    public Task<PolicyVersion> RetireAsync(int number, string userName, string comment, CancellationToken cancellationToken = default) =>
        MoveAsync(number, userName, PolicyAction.Retire, RequireComment(comment, "retiring"), (version, _) =>
        {
            if (version.Status == PolicyStatus.Published)
            {
                version.EndedAt = clock.GetUtcNow();
            }

            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// Brings an approved version into force: the version in force is superseded, open findings' due dates are kept or
    /// recomputed (<paramref name="dueDates"/>, recorded with the publication), and the stakeholders it names are told.
    /// </summary>
    public async Task<PolicyPublication> PublishAsync(
        int number, string userName, PolicyDueDateChoice dueDates, string? comment = null, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(dueDates))
        {
            throw new PolicyRuleException($"'{dueDates}' is not a due-date choice: keep or recompute.");
        }

        var user = await UserAsync(userName, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = await VersionAsync(number, cancellationToken);
        var next = PolicyLifecycle.Next(version.Status, PolicyAction.Publish, number);
        if (version.ApprovedHash != version.ContentHash)
        {
            throw new PolicyRuleException($"version {number}'s text is not the text that was approved (hash {version.ContentHash[..12]}… ≠ {version.ApprovedHash?[..12]}…); it cannot be published.");
        }

        var now = clock.GetUtcNow();
        var previous = await db.PolicyVersions.SingleOrDefaultAsync(v => v.Status == PolicyStatus.Published, cancellationToken);
        if (previous is not null)
        {
            previous.Status = PolicyLifecycle.Next(previous.Status, PolicyAction.Supersede);
            previous.EndedAt = now;
            await RecordAsync(previous, PolicyStatus.Published, user.UserName, $"superseded by version {number}", cancellationToken);
        }

        var from = version.Status;
        version.Status = next;
        version.PublishedBy = user.UserName;
        version.PublishedAt = now;
        version.DueDateChoice = dueDates;
        await RecordAsync(version, from, user.UserName, Comment(comment, $"due dates of open findings: {(dueDates == PolicyDueDateChoice.Keep ? "kept" : "recomputed")}"), cancellationToken);

        var document = PolicyDocument.Parse(version.FileName, version.Content);
        var told = await NotifyStakeholdersAsync(version, document.Parameters, now, cancellationToken);
        var recomputed = dueDates == PolicyDueDateChoice.Recompute
            ? await recomputer.RecomputeAsync(new PolicyTerms(version.Id, version.Number, document.Parameters), now, cancellationToken)
            : 0;
        await transaction.CommitAsync(cancellationToken);
        await terms.GetAsync(db, cancellationToken);
        return new PolicyPublication(version, previous?.Number, recomputed, told);
    }

    /// <summary>A signed-in person acknowledges the version in force (the text with its hash); a second time changes nothing.</summary>
    public async Task<PolicyAcknowledgementResult> AcknowledgeAsync(int number, string userName, CancellationToken cancellationToken = default)
    {
        var user = await UserAsync(userName, cancellationToken);
        var version = await VersionAsync(number, cancellationToken);
        if (version.Status != PolicyStatus.Published)
        {
            var inForce = await db.PolicyVersions.Where(v => v.Status == PolicyStatus.Published).Select(v => (int?)v.Number).FirstOrDefaultAsync(cancellationToken);
            throw new PolicyRuleException(
                $"version {number} is {PolicyLifecycle.Name(version.Status)}, not in force; only the published version can be acknowledged"
                + (inForce is { } n ? $" (version {n})" : " (none is published)") + ".");
        }

        var existing = await db.PolicyAcknowledgements.AsNoTracking()
            .SingleOrDefaultAsync(a => a.PolicyVersionId == version.Id && a.UserName == user.UserName, cancellationToken);
        if (existing is not null)
        {
            return new PolicyAcknowledgementResult(existing, AlreadyAcknowledged: true);
        }

        var acknowledgement = new PolicyAcknowledgement
        {
            PolicyVersionId = version.Id,
            UserName = user.UserName,
            At = clock.GetUtcNow(),
            ContentHash = version.ContentHash,
        };
        db.PolicyAcknowledgements.Add(acknowledgement);
        await db.SaveChangesAsync(cancellationToken);
        return new PolicyAcknowledgementResult(acknowledgement, AlreadyAcknowledged: false);
    }

    /// <summary>A person records a significant change that calls for a review before the yearly date.</summary>
    public async Task<SignificantChange> RecordSignificantChangeAsync(
        SignificantChangeKind kind, string description, string userName, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new PolicyRuleException($"'{kind}' is not a kind of significant change: new-asset-layer, new-regulation, major-incident or other.");
        }

        var user = await UserAsync(userName, cancellationToken);
        var text = RequireComment(description, "recording a significant change");
        var change = new SignificantChange { Kind = kind, Description = Clip(text, ColumnLengths.Message), RecordedBy = user.UserName, RecordedAt = clock.GetUtcNow() };
        db.SignificantChanges.Add(change);
        await db.SaveChangesAsync(cancellationToken);
        return change;
    }

    private async Task<PolicyVersion> MoveAsync(
        int number, string userName, PolicyAction action, string? comment, Func<PolicyVersion, User, Task>? check, CancellationToken cancellationToken)
    {
        var user = await UserAsync(userName, cancellationToken);
        var version = await VersionAsync(number, cancellationToken);
        var from = version.Status;
        var to = PolicyLifecycle.Next(from, action, number);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (check is not null)
            {
                await check(version, user);
            }

            version.Status = to;
            await RecordAsync(version, from, user.UserName, comment, cancellationToken); // one save: the step and its record
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            db.ChangeTracker.Clear(); // a refused step leaves nothing tracked
            throw;
        }

        if (from == PolicyStatus.Published)
        {
            await terms.GetAsync(db, cancellationToken); // retired: back to the defaults
        }

        return version;
    }

    /// <summary>Records the step and saves it with the version's change (the old version leaves force before the new one enters).</summary>
    private async Task RecordAsync(PolicyVersion version, PolicyStatus? from, string by, string? comment, CancellationToken cancellationToken)
    {
        db.PolicyTransitions.Add(new PolicyTransition
        {
            PolicyVersionId = version.Id,
            FromStatus = from,
            ToStatus = version.Status,
            By = by,
            At = clock.GetUtcNow(),
            Comment = comment is null ? null : Clip(comment, ColumnLengths.Message),
            ContentHash = version.ContentHash,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>One in-app notification per stakeholder user (named, or a member of a named team) and one per SSRM party.</summary>
    private async Task<int> NotifyStakeholdersAsync(PolicyVersion version, PolicyParameters parameters, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var people = await PolicyAudience.PeopleAsync(db, parameters.Stakeholders, cancellationToken);
        var recipients = people.Select(p => p.UserName)
            .Concat(parameters.Stakeholders.Parties.Select(p => "party:" + PolicyAudience.PartyName(p)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var recipient in recipients)
        {
            db.Notifications.Add(new Notification
            {
                Recipient = recipient,
                Kind = NotificationKinds.PolicyPublished,
                Subject = Clip($"TVM policy version {version.Number} is in force: {version.Title}", ColumnLengths.Title),
                Body = recipient.StartsWith("party:", StringComparison.Ordinal)
                    ? $"Version {version.Number} of the threat and vulnerability management policy was published on {now:yyyy-MM-dd}."
                    : $"Version {version.Number} of the threat and vulnerability management policy was published on {now:yyyy-MM-dd}. Please read and acknowledge it.",
                Link = $"/policy/{version.Number}",
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return recipients.Count;
    }

    private async Task<PolicyVersion> VersionAsync(int number, CancellationToken cancellationToken) =>
        await db.PolicyVersions.SingleOrDefaultAsync(v => v.Number == number, cancellationToken)
        ?? throw new PolicyNotFoundException($"There is no policy version {number}.");

    private async Task<User> UserAsync(string userName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken)
            ?? throw new PolicyRuleException($"{userName} is not a Rampart user; policy steps are recorded under a user's name.");
    }

    private static string RequireComment(string? comment, string what)
    {
        var text = comment?.Trim() ?? "";
        return text.Length >= 5 ? text : throw new PolicyRuleException($"A comment saying why is required when {what}.");
    }

    private static string Comment(string? comment, string addition) => string.IsNullOrWhiteSpace(comment) ? addition : $"{comment.Trim()} ({addition})";

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <param name="Superseded">The number of the version that left force, if one was in force.</param>
/// <param name="DueDatesRecomputed">Open findings whose due date was recomputed (0 when kept).</param>
/// <param name="Notified">Stakeholders told (people and SSRM parties).</param>
public sealed record PolicyPublication(PolicyVersion Version, int? Superseded, int DueDatesRecomputed, int Notified);

public sealed record PolicyAcknowledgementResult(PolicyAcknowledgement Acknowledgement, bool AlreadyAcknowledged);

/// <summary>Kinds of <see cref="Notification"/> the policy and its escalation chain write.</summary>
public static class NotificationKinds
{
    public const string PolicyPublished = "policy-published";
    public const string PolicyAckReminder = "policy-ack-reminder";
    public const string PolicyReviewDue = "policy-review-due";
    public const string ExemptionExpired = "policy-exemption-expired";

    /// <summary>An escalation step before the due date.</summary>
    public const string FindingReminder = "finding-reminder";

    /// <summary>The escalation step on the due date: the timeframe is breached.</summary>
    public const string FindingBreached = "finding-breached";

    /// <summary>An escalation step after the due date.</summary>
    public const string FindingEscalated = "finding-escalated";
}
