using Microsoft.EntityFrameworkCore;
using Rampart.Core.Policies;
using Rampart.Data;

namespace Rampart.Services.Policies;

/// <summary>
/// Exceptions to the policy: one person requests a time-bounded deviation for an asset or a finding, with a
/// justification and compensating controls; another person entitled by the policy in force (its risk-acceptance
/// approver roles) approves it, for no longer than the policy's maximum. While active, the findings in scope are not
/// due before it ends; <see cref="PolicyChecks"/> ends it when it expires.
/// </summary>
public sealed class PolicyExemptionService(RampartDbContext db, TimeProvider clock, PolicyTermsCache policy, DueDateRecomputer recomputer)
{
    public const int MinimumText = 10;

    /// <exception cref="PolicyRuleException">The scope, the texts, the end date or the user is not acceptable; nothing is stored.</exception>
    public async Task<PolicyExemption> RequestAsync(
        string? assetName, long? findingId, string justification, string compensatingControls, DateTimeOffset expiresAt, string userName,
        CancellationToken cancellationToken = default)
    {
        if ((assetName is null) == (findingId is null))
        {
            throw new PolicyRuleException("An exception covers either one asset or one finding: give exactly one of them.");
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken)
            ?? throw new PolicyRuleException($"{userName} is not a Rampart user.");
        var why = Text(justification, "justification");
        var controls = Text(compensatingControls, "compensating controls");
        var now = clock.GetUtcNow();
        var terms = await policy.GetAsync(db, cancellationToken);
        var max = terms.Parameters.RiskAcceptance.MaxDays;
        if (expiresAt <= now)
        {
            throw new PolicyRuleException($"The exception must end in the future (it ends {expiresAt:yyyy-MM-dd}).");
        }

        if (expiresAt > now.AddDays(max))
        {
            throw new PolicyRuleException($"The exception ends {expiresAt:yyyy-MM-dd}, beyond the {max} days {terms.Describe()} allows (at most {now.AddDays(max):yyyy-MM-dd}).");
        }

        long? assetId = null;
        if (assetName is not null)
        {
            assetId = await db.Assets.Where(a => a.Name == assetName).Select(a => (long?)a.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new PolicyNotFoundException($"There is no asset {assetName}.");
        }
        else if (!await db.Findings.AnyAsync(f => f.Id == findingId, cancellationToken))
        {
            throw new PolicyNotFoundException($"There is no finding {findingId}.");
        }

        var exemption = new PolicyExemption
        {
            AssetId = assetId,
            FindingId = findingId,
            Justification = why,
            CompensatingControls = controls,
            RequestedBy = user.UserName,
            RequestedAt = now,
            ExpiresAt = expiresAt,
        };
        db.PolicyExemptions.Add(exemption);
        await db.SaveChangesAsync(cancellationToken);
        return exemption;
    }

    /// <exception cref="PolicyRuleException">The approver is the requester or holds none of the policy's approver roles, or it is already approved.</exception>
    public async Task<PolicyExemption> ApproveAsync(long id, string userName, CancellationToken cancellationToken = default)
    {
        var exemption = await db.PolicyExemptions.SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new PolicyNotFoundException($"There is no policy exception {id}.");
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken)
            ?? throw new PolicyRuleException($"{userName} is not a Rampart user.");
        var terms = await policy.GetAsync(db, cancellationToken);
        var roles = terms.Parameters.RiskAcceptance.ApproverRoles;
        if (exemption.ApprovedAt is not null)
        {
            throw new PolicyRuleException($"Exception {id} was already approved by {exemption.ApprovedBy}.");
        }

        if (string.Equals(exemption.RequestedBy, user.UserName, StringComparison.Ordinal))
        {
            throw new PolicyRuleException($"{user.UserName} requested exception {id}; someone else must approve it.");
        }

        if (!roles.Any(user.HasRole))
        {
            throw new PolicyRuleException($"{user.UserName} holds none of the roles {terms.Describe()} lets approve exceptions ({string.Join(", ", roles)}).");
        }

        var now = clock.GetUtcNow();
        if (exemption.ExpiresAt <= now)
        {
            throw new PolicyRuleException($"Exception {id} ended on {exemption.ExpiresAt:yyyy-MM-dd} before it was approved.");
        }

        exemption.ApprovedBy = user.UserName;
        exemption.ApprovedAt = now;
        exemption.PolicyVersionId = terms.VersionId;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await recomputer.ApplyExemptionsAsync(now, cancellationToken);
        return exemption;
    }

    public async Task<IReadOnlyList<PolicyExemption>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.PolicyExemptions.AsNoTracking().OrderByDescending(e => e.Id).ToListAsync(cancellationToken);

    private static string Text(string? value, string what)
    {
        var text = value?.Trim() ?? "";
        if (text.Length < MinimumText || text.Length > ColumnLengths.Message)
        {
            throw new PolicyRuleException($"The {what} must be {MinimumText} to {ColumnLengths.Message} characters.");
        }

        return text;
    }
}
