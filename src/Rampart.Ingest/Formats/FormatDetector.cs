using System.Text.Json;
using Rampart.Core.Findings;
using Rampart.Ingest.Json;

namespace Rampart.Ingest.Formats;

/// <summary>Recognizes a report's format from the first bytes of its content, never from its file name.</summary>
internal static class FormatDetector
{
    public const string SupportedFormats = "SARIF 2.1.0, CycloneDX JSON 1.4–1.6 and Trivy JSON";

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip };

    /// <param name="prefix">The file's first bytes (about 64 KB).</param>
    /// <param name="isWholeFile">True when <paramref name="prefix"/> is the entire file.</param>
    /// <param name="fileName">For error messages.</param>
    public static ReportFormat Detect(ReadOnlySpan<byte> prefix, bool isWholeFile, string fileName)
    {
        if (Utf8Check.IsUtf16(prefix))
        {
            throw new ReportFormatException(fileName, "the file is UTF-16 encoded; reports must be UTF-8", 1, 0);
        }

        var bom = Utf8Check.BomLength(prefix);
        var content = prefix[bom..];
        var invalid = Utf8Check.FindInvalid(content[..Utf8Check.CheckableLength(content, isWholeFile)]);
        if (invalid >= 0)
        {
            throw new ReportFormatException(fileName, "the file is not valid UTF-8", bytePosition: bom + invalid);
        }

        var text = content.TrimStart(" \t\r\n"u8);
        if (text.IsEmpty)
        {
            throw new ReportFormatException(fileName, isWholeFile ? "the file is empty" : $"no content in the first {prefix.Length} bytes");
        }

        if (text[0] == (byte)'<')
        {
            throw text.IndexOf("http://cyclonedx.org/schema/bom/"u8) >= 0
                ? new ReportFormatException(fileName, "CycloneDX XML is not supported yet; export the report as CycloneDX JSON")
                : new ReportFormatException(fileName, $"this XML document is not a recognized report format (supported: {SupportedFormats})");
        }

        var facts = Scan(content, isWholeFile);
        return Decide(facts) ?? throw NotRecognized(fileName, facts);
    }

    private static ReportFormat? Decide(TopLevelFacts facts)
    {
        if (facts.IsNull)
        {
            return ReportFormat.Trivy; // Trivy writes a literal null when there is nothing to report
        }

        if (facts.IsArray)
        {
            return facts.FirstItemHasTarget ? ReportFormat.Trivy : null;
        }

        if (string.Equals(facts.BomFormat, "CycloneDX", StringComparison.OrdinalIgnoreCase))
        {
            return ReportFormat.CycloneDx;
        }

        if (facts.Schema?.Contains("sarif", StringComparison.OrdinalIgnoreCase) == true
            || (facts.Version == "2.1.0" && facts.Has("runs")))
        {
            return ReportFormat.Sarif;
        }

        if (facts.Schema?.Contains("cyclonedx", StringComparison.OrdinalIgnoreCase) == true)
        {
            return ReportFormat.CycloneDx;
        }

        if ((facts.Has("SchemaVersion") && (facts.Has("Results") || facts.Has("ArtifactName")))
            || (facts.Has("ClusterName") && facts.Has("Resources")))
        {
            return ReportFormat.Trivy;
        }

        return null;
    }

    private static ReportFormatException NotRecognized(string fileName, TopLevelFacts facts) =>
        facts.Error is { } error
            ? new ReportFormatException(fileName, $"not a recognized report format: the content is not valid JSON (supported: {SupportedFormats})", error.LineNumber + 1, inner: error)
            : new ReportFormatException(fileName, $"not a recognized report format (supported: {SupportedFormats})");

    /// <summary>Reads the top level of the JSON prefix: property names, a few small values, the first array item's names.</summary>
    private static TopLevelFacts Scan(ReadOnlySpan<byte> json, bool isWholeFile)
    {
        var facts = new TopLevelFacts();
        var reader = new Utf8JsonReader(json, isWholeFile, new JsonReaderState(ReaderOptions));
        try
        {
            while (reader.Read())
            {
                var depth = reader.CurrentDepth;
                switch (reader.TokenType)
                {
                    case JsonTokenType.Null when depth == 0:
                        facts.IsNull = true;
                        break;
                    case JsonTokenType.StartArray when depth == 0:
                        facts.IsArray = true;
                        break;
                    case JsonTokenType.EndObject when depth == 1 && facts.IsArray:
                        return facts; // only the first item of a top-level array matters
                    case JsonTokenType.PropertyName when depth == 2 && facts.IsArray:
                        facts.FirstItemHasTarget |= reader.ValueTextEquals("Target"u8);
                        break;
                    case JsonTokenType.PropertyName when depth == 1 && !facts.IsArray:
                        var name = reader.GetString() ?? "";
                        facts.Names.Add(name);
                        if (name is "$schema" or "version" or "bomFormat" && reader.Read() && reader.TokenType == JsonTokenType.String)
                        {
                            facts.Values[name] = reader.GetString();
                        }

                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            facts.Error = ex;
        }
        catch (InvalidOperationException)
        {
            // an undecodable name: decide on what was seen
        }

        return facts;
    }

    private sealed class TopLevelFacts
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

        public bool IsNull { get; set; }

        public bool IsArray { get; set; }

        public bool FirstItemHasTarget { get; set; }

        public JsonException? Error { get; set; }

        public string? Schema => Values.GetValueOrDefault("$schema");

        public string? Version => Values.GetValueOrDefault("version");

        public string? BomFormat => Values.GetValueOrDefault("bomFormat");

        public bool Has(string name) => Names.Contains(name);
    }
}
