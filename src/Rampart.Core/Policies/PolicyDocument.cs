using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Rampart.Core.Policies;

/// <summary>
/// A TVM policy as written: Markdown for people, with YAML front matter for the parameters Rampart enforces.
/// </summary>
/// <param name="Title">The front matter's <c>title</c>.</param>
/// <param name="Body">The Markdown after the closing <c>---</c> line, with LF line ends.</param>
/// <param name="Parameters">The front matter's values over Rampart's defaults.</param>
/// <param name="ContentHash">Lowercase hex SHA-256 of the whole text with CRLF and CR turned into LF.</param>
/// <param name="Warnings">Gaps worth fixing that do not stop the policy from being used.</param>
public sealed record PolicyDocument(string Title, string Body, PolicyParameters Parameters, string ContentHash, IReadOnlyList<string> Warnings)
{
    /// <summary>Largest document accepted, in UTF-8 bytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    // Deeper nesting than any policy needs; a cap keeps hostile input from exhausting the stack.
    private const int MaxDepth = 16;

    // Front matter starts on the document's second line.
    private const int FrontMatterLineOffset = 1;

    /// <summary>Reads a policy, or throws <see cref="PolicyFormatException"/> naming the file, the line and the problem.</summary>
    public static PolicyDocument Parse(string fileName, string text)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > MaxBytes)
        {
            throw new PolicyFormatException(fileName, $"the policy is {bytes} bytes; the limit is 1 MiB", null);
        }

        var normalized = Normalize(text);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
        var lines = normalized.TrimStart('\uFEFF').Split('\n');
        if (lines[0].TrimEnd() != "---")
        {
            throw new PolicyFormatException(fileName, "no front matter: the policy must start with a --- line, YAML front matter and another --- line", 1);
        }

        var close = Array.FindIndex(lines, 1, line => line.TrimEnd() == "---");
        if (close < 0)
        {
            throw new PolicyFormatException(fileName, "the front matter opened on line 1 is never closed with a --- line", 1);
        }

        var yaml = string.Join('\n', lines[1..close]);
        var root = Load(fileName, yaml);
        var reader = new FrontMatterReader(fileName, FrontMatterLineOffset);
        var (title, parameters) = PolicyFrontMatter.Read(reader, root);
        var body = string.Join('\n', lines[(close + 1)..]);
        return new(title, body, parameters, hash, PolicyWarnings.Of(parameters));
    }

    /// <summary>The text with CRLF and lone CR turned into LF, as it is hashed and diffed.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static YamlMappingNode Load(string fileName, string yaml)
    {
        try
        {
            RefuseHostileShapes(fileName, yaml);
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents switch
            {
                [] => throw new PolicyFormatException(fileName, "the front matter has no title; add a line title: …", 1),
                [{ RootNode: YamlMappingNode mapping }] => mapping,
                [var document] => throw new PolicyFormatException(
                    fileName, "the front matter should be a mapping of keys (key: value lines)", document.RootNode.Start.Line + FrontMatterLineOffset),
                [_, var second, ..] => throw new PolicyFormatException(
                    fileName, "the front matter holds more than one YAML document", second.RootNode.Start.Line + FrontMatterLineOffset),
            };
        }
        catch (YamlException e)
        {
            throw new PolicyFormatException(fileName, $"YAML syntax error: {e.Message}", e.Start.Line + FrontMatterLineOffset, e);
        }
    }

    /// <summary>
    /// Anchors and aliases are refused outright (an alias that repeats an anchor that repeats another is the
    /// "billion laughs" expansion), and so is nesting deeper than <see cref="MaxDepth"/>.
    /// </summary>
    private static void RefuseHostileShapes(string fileName, string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            var line = current.Start.Line + FrontMatterLineOffset;
            if (current is AnchorAlias || current is NodeEvent { Anchor.IsEmpty: false })
            {
                throw new PolicyFormatException(fileName, "YAML anchors and aliases (& and *) are not accepted in a policy; write each value out", line);
            }

            depth += current.NestingIncrease;
            if (depth > MaxDepth)
            {
                throw new PolicyFormatException(fileName, $"the front matter nests deeper than {MaxDepth} levels", line);
            }
        }
    }
}
