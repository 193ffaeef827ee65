using Rampart.Core.Findings;

namespace Rampart.Core.Prioritization;

/// <summary>Days allowed to remediate per priority. The policy issue makes these come from the policy in force.</summary>
public sealed record RemediationTimeframes(int P1Days, int P2Days, int P3Days, int P4Days)
{
    /// <summary>Rampart's defaults until a policy is in force: P1 7 days, P2 30, P3 90, P4 180.</summary>
    public static RemediationTimeframes Default { get; } = new(7, 30, 90, 180);

    public int DaysFor(Priority priority) => priority switch
    {
        Priority.P1 => P1Days,
        Priority.P2 => P2Days,
        Priority.P3 => P3Days,
        Priority.P4 => P4Days,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown priority."),
    };

    /// <summary>The due date counts from when the finding was first seen.</summary>
    public DateTimeOffset DueDate(Priority priority, DateTimeOffset firstSeen) => firstSeen.AddDays(DaysFor(priority));

    /// <summary>
    /// The due date after a change of priority at <paramref name="changedAt"/>. A raised priority gives the new
    /// priority's days from the change, but never later than the date already due (a finding that becomes P1 today is
    /// due in 7 days, not overdue at once); a lowered one counts from first sight, as if it had always had the lower
    /// priority.
    /// </summary>
    public DateTimeOffset DueDateAfterChange(Priority from, Priority to, DateTimeOffset firstSeen, DateTimeOffset changedAt, DateTimeOffset? currentDue)
    {
        if (to == from)
        {
            return currentDue ?? DueDate(to, firstSeen);
        }

        if (to > from)
        {
            return DueDate(to, firstSeen);
        }

        var restarted = changedAt.AddDays(DaysFor(to));
        return currentDue is { } due && due < restarted ? due : restarted;
    }
}
