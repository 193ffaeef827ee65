namespace Rampart.Core.Policies;

/// <summary>A policy document that cannot be accepted: names the file and, where known, the line.</summary>
public sealed class PolicyFormatException : Exception
{
    public PolicyFormatException(string fileName, string reason, long? line, Exception? inner = null)
        : base(line is { } l ? $"{fileName}:{l}: {reason}" : $"{fileName}: {reason}", inner)
    {
        FileName = fileName;
        Reason = reason;
        Line = line;
    }

    public PolicyFormatException()
        : this("(unknown file)", "the policy could not be read", null)
    {
    }

    public PolicyFormatException(string message)
        : this("(unknown file)", message, null)
    {
    }

    public PolicyFormatException(string message, Exception innerException)
        : this("(unknown file)", message, null, innerException)
    {
    }

    public string FileName { get; }

    public string Reason { get; }

    /// <summary>1-based line in the whole document (front matter lines count from the opening <c>---</c>), when known.</summary>
    public long? Line { get; }
}
