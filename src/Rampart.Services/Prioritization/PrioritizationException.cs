namespace Rampart.Services.Prioritization;

/// <summary>A request about priorities that cannot be carried out as asked; nothing was changed.</summary>
public sealed class PrioritizationException : Exception
{
    public PrioritizationException()
    {
    }

    public PrioritizationException(string message)
        : base(message)
    {
    }

    public PrioritizationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PrioritizationException(string message, bool notFound)
        : base(message) => NotFound = notFound;

    /// <summary>The thing asked about does not exist (HTTP 404 rather than 400).</summary>
    public bool NotFound { get; }
}
