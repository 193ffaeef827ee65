namespace Rampart.Ingest;

/// <summary>A report that cannot be read: names the file and, where known, the line and byte position.</summary>
public sealed class ReportFormatException : Exception
{
    public ReportFormatException(string fileName, string reason, long? line = null, long? bytePosition = null, Exception? inner = null)
        : base(Describe(fileName, reason, line, bytePosition), inner)
    {
        FileName = fileName;
        Reason = reason;
        Line = line;
        BytePosition = bytePosition;
    }

    public ReportFormatException()
        : this("(unknown file)", "the report could not be read")
    {
    }

    public ReportFormatException(string message)
        : this("(unknown file)", message)
    {
    }

    public ReportFormatException(string message, Exception innerException)
        : this("(unknown file)", message, inner: innerException)
    {
    }

    public string FileName { get; }

    public string Reason { get; }

    /// <summary>1-based line, when known.</summary>
    public long? Line { get; }

    /// <summary>0-based byte offset, when known.</summary>
    public long? BytePosition { get; }

    private static string Describe(string fileName, string reason, long? line, long? bytePosition)
    {
        var where = (line, bytePosition) switch
        {
            ({ } l, { } b) => $":{l} (byte {b})",
            ({ } l, null) => $":{l}",
            (null, { } b) => $" (byte {b})",
            _ => "",
        };
        return $"{fileName}{where}: {reason}";
    }
}
