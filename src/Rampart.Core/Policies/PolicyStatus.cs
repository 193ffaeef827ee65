namespace Rampart.Core.Policies;

/// <summary>Where a policy version stands in its lifecycle; <see cref="PolicyLifecycle"/> says which moves are allowed.</summary>
public enum PolicyStatus
{
    Draft,
    InReview,
    Approved,
    Published,
    Superseded,
    Retired,
}
