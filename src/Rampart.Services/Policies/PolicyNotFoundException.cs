namespace Rampart.Services.Policies;

/// <summary>No such policy version (or exemption): the API answers 404, the CLI exits with "not found".</summary>
public sealed class PolicyNotFoundException : Exception
{
    public PolicyNotFoundException()
    {
    }

    public PolicyNotFoundException(string message)
        : base(message)
    {
    }

    public PolicyNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
