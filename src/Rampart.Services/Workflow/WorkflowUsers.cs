using Microsoft.EntityFrameworkCore;
using Rampart.Core.Security;
using Rampart.Core.Workflow;
using Rampart.Data;

namespace Rampart.Services.Workflow;

/// <summary>The people workflow steps are recorded under, and the access rule as messages.</summary>
internal static class WorkflowUsers
{
    public static async Task<User> ActorAsync(RampartDbContext db, string? userName, CancellationToken cancellationToken)
    {
        var name = userName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new WorkflowRuleException("Workflow steps are recorded under a Rampart user's name; none was given.");
        }

        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == name, cancellationToken)
            ?? throw new WorkflowRuleException($"{name} is not a Rampart user; workflow steps are recorded under a user's name (an API token is not one).");
    }

    public static void RequireAccess(User user, string asset, string? ownerTeam)
    {
        if (!FindingAccess.CanAccess(user, ownerTeam))
        {
            throw new WorkflowRuleException(NoAccess(user, asset, ownerTeam));
        }
    }

    public static string NoAccess(User user, string asset, string? ownerTeam) =>
        $"{user.UserName} has no access to asset {asset} ({(string.IsNullOrWhiteSpace(ownerTeam) ? "no owner team" : "owner team " + ownerTeam)}): "
        + "only an admin, a security lead or a member of the asset's owner team may work on its findings.";
}
