using System.Xml;
using Rampart.Ingest.Json;
using Rampart.Ingest.Xml;

namespace Rampart.Ingest;

/// <summary>
/// A report's content as a reader receives it: the whole stream from its first byte (the bytes detection looked
/// at are replayed), the file name for error messages, and the safe way to open it as JSON or XML.
/// </summary>
internal sealed class ReportInput(Stream content, string fileName)
{
    /// <summary>The content from its first byte; forward-only, read it once.</summary>
    public Stream Content { get; } = content;

    public string FileName { get; } = fileName;

    /// <summary>A streaming JSON tokenizer over the content; errors name the file, line and byte.</summary>
    public JsonTokenStream Json() => new(Content, FileName);

    /// <summary>An XML reader that refuses DTDs and external entities (no XXE, no entity expansion).</summary>
    public XmlReader Xml() => SafeXml.Create(Content);

    public ReportFormatException Invalid(string reason, long? line = null, long? bytePosition = null) =>
        new(FileName, reason, line, bytePosition);
}
