using Rampart.Core.Findings;
using Rampart.Core.Security;

namespace Rampart.Core.Workflow;

/// <summary>
/// Who may see and work on an asset's findings: an admin, a security lead (runs the programme across assets), or a
/// member of the asset's owner team. An asset without an owner team is open to admins and security leads only.
/// </summary>
public static class FindingAccess
{
    public static bool CanAccess(User user, string? ownerTeam)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsAdmin || user.HasRole(Roles.SecurityLead)
            || (!string.IsNullOrWhiteSpace(ownerTeam) && ValueList.Split(user.TeamList).Contains(ownerTeam.Trim(), StringComparer.Ordinal));
    }

    /// <summary>Who may verify a fix closed by hand, without a scan: an admin or a security lead.</summary>
    public static bool CanVerify(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsAdmin || user.HasRole(Roles.SecurityLead);
    }
}
