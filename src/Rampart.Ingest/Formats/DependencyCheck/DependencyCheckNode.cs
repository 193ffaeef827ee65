using System.Text.Json;
using System.Xml.Linq;
using Rampart.Ingest.Json;
using Rampart.Ingest.Xml;

namespace Rampart.Ingest.Formats.DependencyCheck;

/// <summary>
/// One object of a Dependency-Check report, from the JSON or the XML report: both name their fields alike
/// (JSON <c>cvssv3</c> is XML <c>cvssV3</c>; JSON <c>"source"</c> is an XML attribute), so a single mapper reads
/// either. Names match case-insensitively and, in XML, on the local name whatever the schema-version namespace.
/// </summary>
internal readonly struct DependencyCheckNode
{
    private readonly JsonElement _json;
    private readonly XElement? _xml;

    private DependencyCheckNode(JsonElement json, XElement? xml)
    {
        _json = json;
        _xml = xml;
    }

    public bool Exists => _xml is not null || _json.ValueKind == JsonValueKind.Object;

    public static DependencyCheckNode Of(JsonElement json) => new(json, null);

    public static DependencyCheckNode Of(XElement? xml) => new(default, xml);

    /// <summary>A scalar field (JSON property, XML child element or attribute) as text; null when absent or empty.</summary>
    public string? Text(string name)
    {
        if (_xml is not null)
        {
            var text = _xml.ChildText(name)
                ?? _xml.Attributes().FirstOrDefault(a => string.Equals(a.Name.LocalName, name, StringComparison.OrdinalIgnoreCase))?.Value;
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        return JsonProperty(name)?.AsText() is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
    }

    /// <summary>A nested object (<c>cvssv3</c>, <c>knownExploitedVulnerability</c>).</summary>
    public DependencyCheckNode Child(string name)
    {
        if (_xml is not null)
        {
            return Of(_xml.Child(name));
        }

        return JsonProperty(name) is { ValueKind: JsonValueKind.Object } value ? Of(value) : default;
    }

    /// <summary>A list of strings: a JSON array, or the text of each child element of the XML element (<c>&lt;cwes&gt;&lt;cwe&gt;</c>).</summary>
    public IEnumerable<string?> Texts(string name)
    {
        if (_xml is not null)
        {
            return _xml.Child(name)?.Elements().Select(e => (string?)e.Value) ?? [];
        }

        return JsonProperty(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().Select(e => e.AsText()) : [];
    }

    /// <summary>A number, when the field holds one within the CVSS range; other values are ignored (lenient reading).</summary>
    public double? Score(string name) =>
        double.TryParse(Text(name), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var score)
        && score is >= 0 and <= 10
            ? score
            : null;

    private JsonElement? JsonProperty(string name)
    {
        if (_json.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (_json.Get(name) is { } exact)
        {
            return exact;
        }

        foreach (var property in _json.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
            {
                return property.Value;
            }
        }

        return null;
    }
}
