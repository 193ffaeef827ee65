using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;
using Rampart.Core.Ingest;
using Rampart.Ingest.Normalization;
using Rampart.Ingest.Xml;

namespace Rampart.Ingest.Formats.CycloneDx;

/// <summary>
/// Streams a CycloneDX 1.x XML BOM (<c>&lt;bom xmlns="http://cyclonedx.org/schema/bom/1.x"&gt;</c>) through the same
/// mapping as JSON: <c>metadata</c>, then each <c>component</c>, <c>service</c> and <c>vulnerability</c> is read as one
/// element, mapped and dropped. The XML schema fixes the order (metadata, components, services, …, vulnerabilities),
/// so every <c>affects/target/ref</c> can be resolved when its vulnerability streams past; nothing is buffered.
/// </summary>
internal sealed class CycloneDxXmlReport
{
    private const string NamespacePrefix = "http://cyclonedx.org/schema/bom/";

    private readonly XmlReader _reader;
    private readonly string _fileName;
    private string _namespace = "";
    private string? _itemName;

    private CycloneDxXmlReport(XmlReader reader, string fileName)
    {
        _reader = reader;
        _fileName = fileName;
    }

    public static async IAsyncEnumerable<ReportedFinding> ReadAsync(
        ReportInput input, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var xml = input.Xml();
        var bom = new CycloneDxXmlReport(xml, input.FileName);
        await bom.ReadRootAsync();
        var context = new CycloneDxContext(metadata);
        while (await bom.ReadNextAsync(cancellationToken) is { } element)
        {
            var node = new XmlCdxNode(element);
            switch (element.Name.LocalName)
            {
                case "metadata":
                    context.ReadMetadata(node);
                    break;
                case "component":
                    context.AddComponent(node);
                    break;
                case "service":
                    context.AddService(node);
                    break;
                default:
                    foreach (var finding in context.Map(node))
                    {
                        yield return finding;
                    }

                    break;
            }
        }
    }

    private async ValueTask ReadRootAsync()
    {
        try
        {
            if (await _reader.MoveToContentAsync() != XmlNodeType.Element)
            {
                throw Invalid("the document has no root element");
            }

            if (_reader.LocalName != "bom" || !_reader.NamespaceURI.StartsWith(NamespacePrefix, StringComparison.Ordinal))
            {
                throw Invalid($"the root element is <{ScannerText.Short(_reader.Name)}> in namespace \"{ScannerText.Short(_reader.NamespaceURI)}\", not <bom> in {NamespacePrefix}1.x");
            }

            _namespace = _reader.NamespaceURI;
            await _reader.ReadAsync();
        }
        catch (XmlException ex)
        {
            throw SafeXml.Invalid(_fileName, ex);
        }
    }

    /// <summary>The next <c>metadata</c>, <c>component</c>, <c>service</c> or <c>vulnerability</c> element; null at the end.</summary>
    private async ValueTask<XElement?> ReadNextAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var isOurs = _reader.NodeType == XmlNodeType.Element && _reader.NamespaceURI == _namespace;
                switch (_reader.Depth)
                {
                    case 1 when isOurs && _reader.LocalName == "metadata":
                        return (XElement)await XNode.ReadFromAsync(_reader, cancellationToken);
                    case 1 when isOurs && !_reader.IsEmptyElement && ItemOf(_reader.LocalName) is { } item:
                        _itemName = item;
                        await _reader.ReadAsync();
                        continue;
                    case 2 when isOurs && _reader.LocalName == _itemName:
                        return (XElement)await XNode.ReadFromAsync(_reader, cancellationToken);
                    case 0 when _reader.NodeType == XmlNodeType.EndElement:
                        while (await _reader.ReadAsync())
                        {
                            // reads to the end so that content after </bom> is still checked
                        }

                        return null;
                }

                if (_reader.NodeType == XmlNodeType.Element)
                {
                    await _reader.SkipAsync(); // another section (dependencies, compositions…) or an extension
                }
                else if (!await _reader.ReadAsync())
                {
                    return null;
                }
            }
        }
        catch (XmlException ex)
        {
            throw SafeXml.Invalid(_fileName, ex);
        }
    }

    private static string? ItemOf(string section) => section switch
    {
        "components" => "component",
        "services" => "service",
        "vulnerabilities" => "vulnerability",
        _ => null,
    };

    private ReportFormatException Invalid(string why) =>
        new(_fileName, $"not a valid CycloneDX XML report: {why}", _reader is IXmlLineInfo { LineNumber: > 0 } info ? info.LineNumber : null);
}
