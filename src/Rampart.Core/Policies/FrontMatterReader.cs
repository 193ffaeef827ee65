using System.Collections.Frozen;
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Rampart.Core.Policies;

/// <summary>
/// Typed reads of YAML nodes that refuse with the document's file name and line. Paths name the value the way a
/// person finds it in the file ("risk-acceptance.max-days", "escalation[2].notify", items counted from 1).
/// </summary>
internal sealed class FrontMatterReader(string fileName, int lineOffset)
{
    public PolicyFormatException Error(YamlNode node, string reason) => new(fileName, reason, node.Start.Line + lineOffset);

    public YamlMappingNode Mapping(YamlNode node, string path) =>
        node as YamlMappingNode ?? throw Error(node, $"{path} should be a mapping of keys, not {Describe(node)}");

    public YamlSequenceNode Sequence(YamlNode node, string path) =>
        node as YamlSequenceNode ?? throw Error(node, $"{path} should be a list, not {Describe(node)}");

    /// <summary>
    /// The mapping's entries, refusing keys that are not plain names or not among <paramref name="known"/>
    /// (YamlDotNet already refuses a key given twice).
    /// </summary>
    public IReadOnlyList<(string Name, YamlNode Key, YamlNode Value)> Entries(YamlMappingNode mapping, string? path, IReadOnlyCollection<string>? known)
    {
        var entries = new List<(string, YamlNode, YamlNode)>();
        var where = path is null ? "" : $" in {path}";
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                throw Error(key, $"keys{where} must be plain names");
            }

            if (known is not null && !known.Contains(name))
            {
                throw Error(key, $"unknown key {name}{where}{KeySuggestion.Hint(name, known)}");
            }

            entries.Add((name, key, value));
        }

        return entries;
    }

    public string Text(YamlNode node, string path)
    {
        var text = Scalar(node, path, "text").Trim();
        return text.Length > 0 ? text : throw Error(node, $"{path} has no value");
    }

    public int Int(YamlNode node, string path, int min, int max, string unit)
    {
        var text = Scalar(node, path, "a whole number");
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(node, $"{path}: {text} is not a whole number");
        }

        if (value < min)
        {
            throw Error(node, $"{path}: {value} {unit} is below the minimum of {min}");
        }

        return value <= max ? value : throw Error(node, $"{path}: {value} {unit} is over the maximum of {max}");
    }

    /// <summary>A fraction in (0, 1], as the prioritization thresholds are.</summary>
    public double Fraction(YamlNode node, string path)
    {
        var text = Scalar(node, path, "a number");
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Error(node, $"{path}: {text} is not a number");
        }

        return value is > 0 and <= 1 ? value : throw Error(node, $"{path}: {text} is outside (0, 1]; give a fraction such as 0.1");
    }

    public bool Bool(YamlNode node, string path)
    {
        var text = Scalar(node, path, "true or false");
        return text.ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw Error(node, $"{path}: {text} is not true or false"),
        };
    }

    public T Name<T>(YamlNode node, string path, FrozenDictionary<string, T> names, string what)
    {
        var text = Scalar(node, path, $"a {what} name");
        if (names.TryGetValue(text, out var value))
        {
            return value;
        }

        var hint = KeySuggestion.Hint(text, names.Keys);
        throw Error(node, $"{path}: unknown {what} {text}{(hint.Length > 0 ? hint : $"; known: {string.Join(", ", names.Keys.Order(StringComparer.Ordinal))}")}");
    }

    /// <summary>A list of names, each at most once; empty only when <paramref name="allowEmpty"/>.</summary>
    public IReadOnlyList<T> Names<T>(YamlNode node, string path, FrozenDictionary<string, T> names, string what, bool allowEmpty)
    {
        var sequence = Sequence(node, path);
        if (!allowEmpty && sequence.Children.Count == 0)
        {
            throw Error(node, $"{path} is empty; name at least one {what}");
        }

        var values = new List<T>();
        foreach (var item in sequence.Children)
        {
            var value = Name(item, path, names, what);
            if (values.Contains(value))
            {
                throw Error(item, $"{path}: {what} {((YamlScalarNode)item).Value} is listed twice");
            }

            values.Add(value);
        }

        return values;
    }

    public IReadOnlyList<string> Texts(YamlNode node, string path) =>
        [.. Sequence(node, path).Children.Select((item, i) => Text(item, $"{path}[{i + 1}]"))];

    private string Scalar(YamlNode node, string path, string expected) =>
        node is YamlScalarNode { Value: { Length: > 0 } value }
            ? value
            : throw Error(node, node is YamlScalarNode ? $"{path} has no value" : $"{path} should be {expected}, not {Describe(node)}");

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => $"the value {((YamlScalarNode)node).Value}",
    };
}
