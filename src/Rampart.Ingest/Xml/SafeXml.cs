using System.Xml;

namespace Rampart.Ingest.Xml;

/// <summary>
/// The only way Ingest opens XML: DTDs are refused outright (so neither external entities nor entity expansion
/// can happen), no resolver is set, and reading is asynchronous and forward-only.
/// </summary>
internal static class SafeXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        Async = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
        MaxCharactersFromEntities = 0,
    };

    public static XmlReader Create(Stream content) => XmlReader.Create(content, Settings);

    /// <summary>Turns an <see cref="XmlException"/> into the report error every caller shows (file, line, reason).</summary>
    public static ReportFormatException Invalid(string fileName, XmlException error) =>
        new(fileName, Describe(error), error.LineNumber > 0 ? error.LineNumber : null, inner: error);

    private static string Describe(XmlException error) =>
        error.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
            ? "the XML document declares a DTD, which is refused (no external entities or entity expansion are processed)"
            : $"the XML is not well-formed: {error.Message}";
}
