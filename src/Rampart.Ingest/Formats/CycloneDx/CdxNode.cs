using System.Text.Json;
using System.Xml.Linq;
using Rampart.Ingest.Json;

namespace Rampart.Ingest.Formats.CycloneDx;

/// <summary>
/// One object of a CycloneDX BOM in either encoding, so that JSON and XML BOMs map through the same code and give
/// the same findings. The encodings share their names: a JSON property is an XML child element or attribute
/// (<c>bom-ref</c>, <c>type</c>), and a JSON array is an XML wrapper element whose children are the items
/// (<c>"ratings": [..]</c> is <c>&lt;ratings&gt;&lt;rating/&gt;..&lt;/ratings&gt;</c>).
/// </summary>
internal abstract class CdxNode
{
    /// <summary>The XML element's local name ("tool", "license", "expression"); null for JSON, whose items have no name.</summary>
    public abstract string? ItemName { get; }

    /// <summary>This node's own text when it is a scalar (a JSON string or number, an XML element without children).</summary>
    public abstract string? Value { get; }

    /// <summary>A scalar member's text; null when it is absent or not a scalar.</summary>
    public abstract string? Text(string name);

    /// <summary>An object member.</summary>
    public abstract CdxNode? Get(string name);

    /// <summary>The items of an array member (JSON) or of a wrapper element (XML); empty when absent.</summary>
    public abstract IEnumerable<CdxNode> Items(string name);

    public string? Text(string name, string inner) => Get(name)?.Text(inner);

    /// <summary>The items of an array of scalars (<c>cwes</c>, <c>useCases</c>).</summary>
    public IEnumerable<string> Texts(string name) => Items(name).Select(item => item.Value).OfType<string>();
}

internal sealed class JsonCdxNode(JsonElement element) : CdxNode
{
    public override string? ItemName => null;

    public override string? Value => element.AsText();

    public override string? Text(string name) => element.Text(name);

    public override CdxNode? Get(string name) =>
        element.Get(name) is { ValueKind: JsonValueKind.Object } value ? new JsonCdxNode(value) : null;

    public override IEnumerable<CdxNode> Items(string name) => element.Items(name).Select(item => new JsonCdxNode(item));
}

/// <summary>An element of a CycloneDX XML BOM; children outside the BOM's namespace (extensions) are ignored.</summary>
internal sealed class XmlCdxNode(XElement element) : CdxNode
{
    private readonly XNamespace _ns = element.Name.Namespace;

    public override string? ItemName => element.Name.LocalName;

    public override string? Value => element.HasElements ? null : element.Value;

    public override string? Text(string name) =>
        element.Element(_ns + name) is { } child
            ? (child.HasElements ? null : child.Value)
            : element.Attribute(name)?.Value;

    public override CdxNode? Get(string name) => element.Element(_ns + name) is { } child ? new XmlCdxNode(child) : null;

    public override IEnumerable<CdxNode> Items(string name) =>
        element.Element(_ns + name)?.Elements().Where(e => e.Name.Namespace == _ns).Select(e => new XmlCdxNode(e)) ?? [];
}
