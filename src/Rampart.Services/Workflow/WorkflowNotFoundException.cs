namespace Rampart.Services.Workflow;

/// <summary>The finding, acceptance or user named does not exist.</summary>
public sealed class WorkflowNotFoundException : Exception
{
    public WorkflowNotFoundException()
        : this("not found")
    {
    }

    public WorkflowNotFoundException(string message)
        : base(message)
    {
    }

    public WorkflowNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
