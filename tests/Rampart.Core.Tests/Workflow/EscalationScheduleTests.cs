using Rampart.Core.Policies;
using Rampart.Core.Workflow;

namespace Rampart.Core.Tests.Workflow;

/// <summary>
/// Whom each kind of escalation step reaches, and the fallbacks written in <see cref="EscalationSchedule.Recipients"/>:
/// assignee → owner team → security leads → admins; owner-team lead → owner team → security leads → admins.
/// </summary>
public sealed class EscalationScheduleTests
{
    private static readonly EscalationPeople Everyone = new("alice", "platform", ["tina"], ["sam"], ["root"]);
    private static readonly EscalationPeople Nobody = new(null, null, [], [], ["root"]);

    public static TheoryData<string, EscalationPeople, string[]> Cases => new()
    {
        { "assignee", Everyone, ["alice"] },
        { "assignee", Everyone with { Assignee = null }, ["team:platform"] },
        { "assignee", Everyone with { Assignee = "", OwnerTeam = null }, ["sam"] },
        { "assignee", Nobody, ["root"] },
        { "owner-team-lead", Everyone, ["tina"] },
        { "owner-team-lead", Everyone with { TeamLeads = [] }, ["team:platform"] },
        { "owner-team-lead", Everyone with { TeamLeads = [], OwnerTeam = null }, ["sam"] },
        { "security-lead", Everyone, ["sam"] },
        { "security-lead", Nobody, ["root"] },
        { "user:dana", Nobody, ["dana"] },
        { "team:ml-engineering", Nobody, ["team:ml-engineering"] },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Recipients_FollowTheStepAndItsFallbacks(string notify, EscalationPeople people, string[] expected) =>
        Assert.Equal(expected, EscalationSchedule.Recipients(new EscalationStep(0, notify), people));

    [Theory]
    [InlineData(-3, "2025-03-07T12:00:00Z")]
    [InlineData(0, "2025-03-10T12:00:00Z")]
    [InlineData(7, "2025-03-17T12:00:00Z")]
    public void FiresAt_IsTheDueDatePlusTheStepsDays(int days, string expected)
    {
        var due = new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);
        var step = new EscalationStep(days, "assignee");

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), EscalationSchedule.FiresAt(due, step));
        Assert.True(EscalationSchedule.IsDue(due, step, EscalationSchedule.FiresAt(due, step)));
        Assert.False(EscalationSchedule.IsDue(due, step, EscalationSchedule.FiresAt(due, step).AddSeconds(-1)));
    }
}
