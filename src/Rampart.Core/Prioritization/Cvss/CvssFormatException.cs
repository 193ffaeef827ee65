namespace Rampart.Core.Prioritization.Cvss;

/// <summary>A CVSS vector that its specification does not allow; <see cref="Part"/> names what is wrong.</summary>
public sealed class CvssFormatException : FormatException
{
    public CvssFormatException()
        : this(string.Empty, null, "The CVSS vector is not valid.")
    {
    }

    public CvssFormatException(string message)
        : this(string.Empty, null, message)
    {
    }

    public CvssFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Vector = string.Empty;
    }

    public CvssFormatException(string vector, string? part, string message)
        : base(message)
    {
        Vector = vector;
        Part = part;
    }

    /// <summary>The vector as given.</summary>
    public string Vector { get; }

    /// <summary>The offending part ("AV:Q", or "AV" for a duplicated or missing metric); null when the whole vector is at fault.</summary>
    public string? Part { get; }
}
