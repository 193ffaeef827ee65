namespace Rampart.Core.Policies;

/// <summary>
/// The life of a policy version (TVM-01: documented, approved, communicated): a draft is submitted for review, approved
/// or sent back, published, and later superseded by a newer published version. Anything not yet out of force can be
/// retired.
/// </summary>
public static class PolicyLifecycle
{
    /// <summary>The status after <paramref name="action"/>, or a <see cref="PolicyRuleException"/> saying what is allowed.</summary>
    public static PolicyStatus Next(PolicyStatus from, PolicyAction action) => Next(from, action, "this version");

    /// <summary>As <see cref="Next(PolicyStatus, PolicyAction)"/>, naming the version in the message ("version 3 is Draft; …").</summary>
    public static PolicyStatus Next(PolicyStatus from, PolicyAction action, int version) => Next(from, action, $"version {version}");

    /// <summary>The actions allowed from <paramref name="from"/>, in declaration order.</summary>
    public static IReadOnlyList<PolicyAction> Allowed(PolicyStatus from) =>
        [.. Enum.GetValues<PolicyAction>().Where(action => Target(from, action) is not null)];

    /// <summary>The status as people read it: "Draft", "In review", "Approved", "Published", "Superseded", "Retired".</summary>
    public static string Name(PolicyStatus status) => status switch
    {
        PolicyStatus.Draft => "Draft",
        PolicyStatus.InReview => "In review",
        PolicyStatus.Approved => "Approved",
        PolicyStatus.Published => "Published",
        PolicyStatus.Superseded => "Superseded",
        PolicyStatus.Retired => "Retired",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown policy status."),
    };

    private static PolicyStatus Next(PolicyStatus from, PolicyAction action, string subject) =>
        Target(from, action) ?? throw new PolicyRuleException($"{subject} is {Name(from)}; {Refusal(from, action)}");

    private static PolicyStatus? Target(PolicyStatus from, PolicyAction action) => (from, action) switch
    {
        (PolicyStatus.Draft, PolicyAction.Submit) => PolicyStatus.InReview,
        (PolicyStatus.InReview, PolicyAction.Approve) => PolicyStatus.Approved,
        (PolicyStatus.InReview, PolicyAction.Reject) => PolicyStatus.Draft,
        (PolicyStatus.Approved, PolicyAction.Publish) => PolicyStatus.Published,
        (PolicyStatus.Published, PolicyAction.Supersede) => PolicyStatus.Superseded,
        (PolicyStatus.Draft or PolicyStatus.InReview or PolicyStatus.Approved or PolicyStatus.Published, PolicyAction.Retire) =>
            PolicyStatus.Retired,
        _ => null,
    };

    private static string Refusal(PolicyStatus from, PolicyAction action) => action switch
    {
        PolicyAction.Submit => "only a Draft version can be submitted for review",
        PolicyAction.Approve => "only an In review version can be approved" + (from == PolicyStatus.Draft ? " — submit it first" : ""),
        PolicyAction.Reject => "only an In review version can be rejected",
        PolicyAction.Publish => "only an Approved version can be published" + from switch
        {
            PolicyStatus.Draft => " — submit it and have it approved first",
            PolicyStatus.InReview => " — have it approved first",
            _ => "",
        },
        PolicyAction.Supersede => "only a Published version can be superseded",
        PolicyAction.Retire => "only a Draft, In review, Approved or Published version can be retired",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown policy action."),
    };
}
