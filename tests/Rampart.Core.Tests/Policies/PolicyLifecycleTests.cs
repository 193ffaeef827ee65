using Rampart.Core.Policies;

namespace Rampart.Core.Tests.Policies;

public sealed class PolicyLifecycleTests
{
    [Theory]
    [InlineData(PolicyStatus.Draft, PolicyAction.Submit, PolicyStatus.InReview)]
    [InlineData(PolicyStatus.InReview, PolicyAction.Approve, PolicyStatus.Approved)]
    [InlineData(PolicyStatus.InReview, PolicyAction.Reject, PolicyStatus.Draft)]
    [InlineData(PolicyStatus.Approved, PolicyAction.Publish, PolicyStatus.Published)]
    [InlineData(PolicyStatus.Published, PolicyAction.Supersede, PolicyStatus.Superseded)]
    [InlineData(PolicyStatus.Draft, PolicyAction.Retire, PolicyStatus.Retired)]
    [InlineData(PolicyStatus.InReview, PolicyAction.Retire, PolicyStatus.Retired)]
    [InlineData(PolicyStatus.Approved, PolicyAction.Retire, PolicyStatus.Retired)]
    [InlineData(PolicyStatus.Published, PolicyAction.Retire, PolicyStatus.Retired)]
    public void Next_AllowedTransition_GivesTheNewStatus(PolicyStatus from, PolicyAction action, PolicyStatus expected)
    {
        Assert.Equal(expected, PolicyLifecycle.Next(from, action));
    }

    [Fact]
    public void Next_EveryOtherPair_IsRefused()
    {
        // 6 statuses × 6 actions = 36 pairs, of which exactly the 9 above are allowed.
        var allowed = Enum.GetValues<PolicyStatus>().SelectMany(from => PolicyLifecycle.Allowed(from).Select(action => (from, action))).ToList();
        var refused = 0;
        foreach (var from in Enum.GetValues<PolicyStatus>())
        {
            foreach (var action in Enum.GetValues<PolicyAction>().Where(action => !allowed.Contains((from, action))))
            {
                Assert.Throws<PolicyRuleException>(() => PolicyLifecycle.Next(from, action));
                refused++;
            }
        }

        Assert.Equal(9, allowed.Count);
        Assert.Equal(27, refused);
    }

    [Theory]
    [InlineData(PolicyStatus.Draft, PolicyAction.Approve, "version 3 is Draft; only an In review version can be approved — submit it first")]
    [InlineData(PolicyStatus.Approved, PolicyAction.Approve, "version 3 is Approved; only an In review version can be approved")]
    [InlineData(PolicyStatus.Published, PolicyAction.Submit, "version 3 is Published; only a Draft version can be submitted for review")]
    [InlineData(PolicyStatus.Draft, PolicyAction.Reject, "version 3 is Draft; only an In review version can be rejected")]
    [InlineData(PolicyStatus.Draft, PolicyAction.Publish, "version 3 is Draft; only an Approved version can be published — submit it and have it approved first")]
    [InlineData(PolicyStatus.InReview, PolicyAction.Publish, "version 3 is In review; only an Approved version can be published — have it approved first")]
    [InlineData(PolicyStatus.Approved, PolicyAction.Supersede, "version 3 is Approved; only a Published version can be superseded")]
    [InlineData(PolicyStatus.Superseded, PolicyAction.Retire, "version 3 is Superseded; only a Draft, In review, Approved or Published version can be retired")]
    [InlineData(PolicyStatus.Retired, PolicyAction.Retire, "version 3 is Retired; only a Draft, In review, Approved or Published version can be retired")]
    public void Next_RefusedTransition_SaysWhatIsAllowed(PolicyStatus from, PolicyAction action, string expected)
    {
        var exception = Assert.Throws<PolicyRuleException>(() => PolicyLifecycle.Next(from, action, version: 3));

        Assert.Equal(expected, exception.Message);
    }

    [Fact]
    public void Next_WithoutVersion_SaysThisVersion()
    {
        var exception = Assert.Throws<PolicyRuleException>(() => PolicyLifecycle.Next(PolicyStatus.Retired, PolicyAction.Publish));

        Assert.Equal("this version is Retired; only an Approved version can be published", exception.Message);
    }

    [Fact]
    public void Allowed_Draft_IsSubmitOrRetire()
    {
        Assert.Equal([PolicyAction.Submit, PolicyAction.Retire], PolicyLifecycle.Allowed(PolicyStatus.Draft));
    }

    [Fact]
    public void Allowed_Superseded_IsNothing()
    {
        Assert.Empty(PolicyLifecycle.Allowed(PolicyStatus.Superseded));
    }

    [Theory]
    [InlineData(PolicyStatus.Draft, "Draft")]
    [InlineData(PolicyStatus.InReview, "In review")]
    [InlineData(PolicyStatus.Approved, "Approved")]
    [InlineData(PolicyStatus.Published, "Published")]
    [InlineData(PolicyStatus.Superseded, "Superseded")]
    [InlineData(PolicyStatus.Retired, "Retired")]
    public void Name_Status_IsAsPeopleReadIt(PolicyStatus status, string expected)
    {
        Assert.Equal(expected, PolicyLifecycle.Name(status));
    }
}
