namespace Rampart.Core.Policies;

/// <summary>A policy action that the lifecycle does not allow; the message says what is allowed instead.</summary>
public sealed class PolicyRuleException : Exception
{
    public PolicyRuleException()
        : this("the policy action is not allowed")
    {
    }

    public PolicyRuleException(string message)
        : base(message)
    {
    }

    public PolicyRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
