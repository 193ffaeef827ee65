using System.Text;
using System.Text.Json;
using Rampart.Core.Findings;
using Rampart.Ingest.Json;

namespace Rampart.Ingest.Formats;

/// <summary>Recognizes a report's format from the first bytes of its content, never from its file name.</summary>
internal static class FormatDetector
{
    public const string SupportedFormats =
        "SARIF 2.1.0, CycloneDX JSON/XML, SPDX 2.3 JSON, Trivy, Grype, OSV-Scanner, npm audit, OWASP Dependency-Check JSON/XML, " +
        "OWASP ZAP JSON/XML, garak report.jsonl, promptfoo results, Rampart generic JSON/CSV";

    private static readonly System.Buffers.SearchValues<byte> NameEnd = System.Buffers.SearchValues.Create(" \t\r\n/>"u8);

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = 256,
        CommentHandling = JsonCommentHandling.Skip,
        AllowMultipleValues = true,
    };

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
            throw new ReportFormatException(
                fileName,
                isWholeFile
                    ? "the file is empty; to record an empty scan, name the format (--format)"
                    : $"no content in the first {prefix.Length} bytes");
        }

        if (text[0] == (byte)'<')
        {
            return DetectXml(text, fileName);
        }

        if (text[0] is not ((byte)'{' or (byte)'[' or (byte)'n'))
        {
            return IsGenericCsvHeader(text)
                ? ReportFormat.GenericCsv
                : throw new ReportFormatException(fileName, $"not a recognized report format: the content is neither JSON, XML nor a Rampart CSV (supported: {SupportedFormats})", 1);
        }

        var facts = Scan(content, isWholeFile);
        var format = Decide(facts) ?? throw NotRecognized(fileName, facts);
        if (facts.SecondValue is { } second && format != ReportFormat.Garak)
        {
            // Only JSON Lines reports (garak) hold several top-level values; anything else ends after its first.
            throw new ReportFormatException(
                fileName,
                $"invalid JSON: there is content after the {format} report (a second top-level value); a report is a single JSON value",
                1 + content[..(int)second].Count((byte)'\n'),
                bom + second);
        }

        return format;
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

        if (facts.SecondValue is not null && facts.IsObject && (facts.Has("entry_type") || (facts.Has("probe") && facts.Has("detector"))))
        {
            // JSON Lines: garak writes one object per line, each with an entry_type (report) or probe/detector (hitlog).
            return ReportFormat.Garak;
        }

        if (facts.Has("entry_type") && facts.Has("meta"))
        {
            return ReportFormat.Garak; // garak's digest JSON (0.15): one pretty-printed object
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

        return DecideOther(facts);
    }

    private static ReportFormat? DecideOther(TopLevelFacts facts)
    {
        // Grype writes matches first: in a large report the prefix shows no other name.
        if (facts.Has("matches") && (facts.Has("descriptor") || facts.Has("source") || facts.IsOnly("matches")))
        {
            return ReportFormat.Grype;
        }

        // npm 6 writes a possibly large "actions" list before "advisories" and "metadata".
        if (facts.Has("auditReportVersion") || (facts.Has("advisories") && (facts.Has("metadata") || facts.Has("actions"))) || facts.IsOnly("actions") || facts.IsOnly("error"))
        {
            return ReportFormat.NpmAudit; // the reader turns npm's {"error": …} object into a clear error
        }

        if (facts.Has("reportSchema") && facts.Has("dependencies"))
        {
            return ReportFormat.DependencyCheck;
        }

        if (facts.Has("site") && (facts.Has("@version") || facts.Has("@programName")))
        {
            return ReportFormat.Zap;
        }

        if (facts.Has("spdxVersion"))
        {
            return ReportFormat.Spdx;
        }

        if (facts.Has("evalId") || (facts.Has("results") && facts.Has("config") && facts.Has("shareableUrl")))
        {
            return ReportFormat.Promptfoo;
        }

        if (facts.Has("results") && (facts.Has("experimental_config") || facts.IsOnly("results")))
        {
            return ReportFormat.OsvScanner;
        }

        if (string.Equals(facts.Values.GetValueOrDefault("format"), "rampart-generic", StringComparison.OrdinalIgnoreCase))
        {
            return ReportFormat.GenericJson;
        }

        return null;
    }

    private static ReportFormat DetectXml(ReadOnlySpan<byte> text, string fileName)
    {
        if (text.IndexOf("<!DOCTYPE"u8) >= 0 || text.IndexOf("<!ENTITY"u8) >= 0)
        {
            throw new ReportFormatException(fileName, "the XML document declares a DTD, which is refused (no external entities or entity expansion are processed)");
        }

        var root = RootElement(text);
        if (root.StartsWith("bom", StringComparison.Ordinal) && text.IndexOf("cyclonedx.org/schema/bom"u8) >= 0)
        {
            return ReportFormat.CycloneDx;
        }

        if (root.StartsWith("OWASPZAPReport", StringComparison.Ordinal))
        {
            return ReportFormat.Zap;
        }

        if (root.StartsWith("analysis", StringComparison.Ordinal) && text.IndexOf("DependencyCheck"u8) >= 0)
        {
            return ReportFormat.DependencyCheck;
        }

        throw new ReportFormatException(fileName, $"this XML document (root <{root}>) is not a recognized report format (supported: {SupportedFormats})");
    }

    /// <summary>The name of the first element, skipping the XML declaration, comments and processing instructions.</summary>
    private static string RootElement(ReadOnlySpan<byte> text)
    {
        var rest = text;
        while (true)
        {
            var open = rest.IndexOf((byte)'<');
            if (open < 0 || open + 1 >= rest.Length)
            {
                return "";
            }

            rest = rest[(open + 1)..];
            if (rest[0] is (byte)'?' or (byte)'!')
            {
                continue;
            }

            var end = rest.IndexOfAny(NameEnd);
            var name = end < 0 ? rest : rest[..end];
            var colon = name.IndexOf((byte)':');
            return Encoding.UTF8.GetString(colon >= 0 ? name[(colon + 1)..] : name);
        }
    }

    /// <summary>The generic CSV starts with a header row naming at least the title and severity columns.</summary>
    private static bool IsGenericCsvHeader(ReadOnlySpan<byte> text)
    {
        var lineEnd = text.IndexOfAny("\r\n"u8);
        var header = Encoding.UTF8.GetString(lineEnd < 0 ? text : text[..lineEnd]);
        var columns = header.Split(',', StringSplitOptions.TrimEntries)
            .Select(c => c.Trim('"').ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        return columns.Contains("title") && columns.Contains("severity");
    }

    private static ReportFormatException NotRecognized(string fileName, TopLevelFacts facts) =>
        facts.Values.GetValueOrDefault("@context")?.Contains("spdx", StringComparison.OrdinalIgnoreCase) == true
            ? new ReportFormatException(fileName, "SPDX 3.0 is not supported yet; export SPDX 2.3 JSON") // JSON-LD: {"@context", "@graph"}
            : facts.Error is { } error
            ? new ReportFormatException(fileName, $"not a recognized report format: the content is not valid JSON ({JsonReason(error)}) (supported: {SupportedFormats})", error.LineNumber + 1, inner: error)
            : new ReportFormatException(fileName, $"not a recognized report format (supported: {SupportedFormats})");

    /// <summary>The JSON reader's message without its trailing 0-based position, which the exception gives 1-based.</summary>
    private static string JsonReason(JsonException error)
    {
        var cut = error.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? error.Message[..cut] : error.Message).TrimEnd('.', ' ');
    }

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
                if (depth == 0 && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray) && facts.TopLevelValues++ > 0)
                {
                    facts.SecondValue = reader.TokenStartIndex;
                    return facts; // a second top-level value: JSON Lines or trailing content; the first value's names decide
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.Null when depth == 0:
                        facts.IsNull = true;
                        break;
                    case JsonTokenType.StartArray when depth == 0:
                        facts.IsArray = true;
                        break;
                    case JsonTokenType.StartObject when depth == 0:
                        facts.IsObject = true;
                        break;
                    case JsonTokenType.EndObject when depth == 1 && facts.IsArray:
                        return facts; // only the first item of a top-level array matters
                    case JsonTokenType.PropertyName when depth == 2 && facts.IsArray:
                        facts.FirstItemHasTarget |= reader.ValueTextEquals("Target"u8);
                        break;
                    case JsonTokenType.PropertyName when depth == 1 && !facts.IsArray:
                        var name = reader.GetString() ?? "";
                        facts.Names.Add(name);
                        if (name is "$schema" or "version" or "bomFormat" or "format" or "@context" && reader.Read() && reader.TokenType == JsonTokenType.String)
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

        public bool IsObject { get; set; }

        public int TopLevelValues { get; set; }

        /// <summary>The offset of a second top-level value, when there is one.</summary>
        public long? SecondValue { get; set; }

        public bool FirstItemHasTarget { get; set; }

        public JsonException? Error { get; set; }

        public string? Schema => Values.GetValueOrDefault("$schema");

        public string? Version => Values.GetValueOrDefault("version");

        public string? BomFormat => Values.GetValueOrDefault("bomFormat");

        public bool Has(string name) => Names.Contains(name);

        public bool IsOnly(string name) => Names.Count == 1 && Names.Contains(name);
    }
}
