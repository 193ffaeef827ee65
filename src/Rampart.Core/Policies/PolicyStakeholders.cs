using Rampart.Core.Assets;

namespace Rampart.Core.Policies;

/// <summary>Who the policy is communicated to (TVM-01: communicated to all relevant parties).</summary>
public sealed record PolicyStakeholders(IReadOnlyList<string> Users, IReadOnlyList<string> Teams, IReadOnlyList<SsrmParty> Parties)
{
    /// <summary>True when no user, team or party is named.</summary>
    public bool IsEmpty => Users.Count == 0 && Teams.Count == 0 && Parties.Count == 0;
}
