namespace Rampart.Core.Workflow;

/// <summary>A workflow step the rules refuse (illegal transition, self-approval, no access…); nothing was changed.</summary>
public sealed class WorkflowRuleException : Exception
{
    public WorkflowRuleException()
        : this("the workflow step is not allowed")
    {
    }

    public WorkflowRuleException(string message)
        : base(message)
    {
    }

    public WorkflowRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
