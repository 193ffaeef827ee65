using Rampart.Core.Policies;

namespace Rampart.Core.Workflow;

/// <summary>
/// When the steps of an escalation chain fall due and whom they reach. Pure: the service supplies the people, the
/// clock and what already fired.
/// </summary>
public static class EscalationSchedule
{
    public const string Assignee = "assignee";

    public const string OwnerTeamLead = "owner-team-lead";

    public const string SecurityLead = "security-lead";

    /// <summary>The moment a step reaches a finding due at <paramref name="dueDate"/>.</summary>
    public static DateTimeOffset FiresAt(DateTimeOffset dueDate, EscalationStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return dueDate.AddDays(step.DaysAfterDue);
    }

    /// <summary>Whether the step has come for a finding due at <paramref name="dueDate"/> at <paramref name="now"/>.</summary>
    public static bool IsDue(DateTimeOffset dueDate, EscalationStep step, DateTimeOffset now) => FiresAt(dueDate, step) <= now;

    /// <summary>
    /// The recipients of a step for one finding. Each level falls back to the next one up when nobody holds it, so a
    /// step reaches nobody only when Rampart has no admin either (the record then shows an empty list): the assignee → the owner team; the owner team's leads → the owner team → the security
    /// leads; the security leads → the admins.
    /// </summary>
    public static IReadOnlyList<string> Recipients(EscalationStep step, EscalationPeople people)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(people);
        var notify = step.Notify;
        if (notify.StartsWith("user:", StringComparison.Ordinal))
        {
            return [notify[5..].Trim()];
        }

        if (notify.StartsWith("team:", StringComparison.Ordinal))
        {
            return [notify];
        }

        return notify switch
        {
            Assignee => string.IsNullOrEmpty(people.Assignee) ? Team(people) ?? Leads(people) : [people.Assignee],
            OwnerTeamLead => people.TeamLeads.Count > 0 ? people.TeamLeads : Team(people) ?? Leads(people),
            _ => Leads(people),
        };
    }

    private static string[]? Team(EscalationPeople people) => string.IsNullOrEmpty(people.OwnerTeam) ? null : ["team:" + people.OwnerTeam];

    private static IReadOnlyList<string> Leads(EscalationPeople people) => people.SecurityLeads.Count > 0 ? people.SecurityLeads : people.Admins;
}

/// <summary>The people a finding's escalation can reach.</summary>
/// <param name="Assignee">The assigned user, if any.</param>
/// <param name="OwnerTeam">The asset's owner team, if any.</param>
/// <param name="TeamLeads">Users holding the team-lead role in the owner team.</param>
/// <param name="SecurityLeads">Users holding the security-lead role.</param>
/// <param name="Admins">Administrators, the last resort.</param>
public sealed record EscalationPeople(
    string? Assignee, string? OwnerTeam, IReadOnlyList<string> TeamLeads, IReadOnlyList<string> SecurityLeads, IReadOnlyList<string> Admins);
