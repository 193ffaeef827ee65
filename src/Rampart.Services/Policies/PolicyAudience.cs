using Microsoft.EntityFrameworkCore;
using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Core.Policies;
using Rampart.Core.Security;
using Rampart.Data;

namespace Rampart.Services.Policies;

/// <summary>Who a policy speaks to: the users it names and the members of the teams it names.</summary>
internal static class PolicyAudience
{
    public static async Task<List<User>> PeopleAsync(RampartDbContext db, PolicyStakeholders stakeholders, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken); // people, not findings: a small table
        return [.. users.Where(u => stakeholders.Users.Contains(u.UserName, StringComparer.Ordinal)
            || ValueList.Split(u.TeamList).Any(t => stakeholders.Teams.Contains(t, StringComparer.Ordinal)))];
    }

    /// <summary>The party as the policy document writes it: "model-provider".</summary>
    public static string PartyName(SsrmParty party) => party switch
    {
        SsrmParty.Csp => "csp",
        SsrmParty.ModelProvider => "model-provider",
        SsrmParty.OrchestratedServiceProvider => "orchestrated-service-provider",
        SsrmParty.ApplicationProvider => "application-provider",
        SsrmParty.AiCustomer => "ai-customer",
        _ => party.ToString().ToLowerInvariant(),
    };
}
