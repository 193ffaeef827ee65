namespace Rampart.Core.Policies;

/// <summary>What a person can do to a policy version.</summary>
public enum PolicyAction
{
    Submit,
    Approve,
    Reject,
    Publish,
    Supersede,
    Retire,
}
