using System.Globalization;
using System.Text.Json;
using Rampart.Core.Feeds;

namespace Rampart.Ingest.Feeds;

/// <summary>
/// The JSON catalog, checked against its schema's rules (known_exploited_vulnerabilities_schema.json): the four
/// top-level fields, the eight required fields of each vulnerability, the CVE/CWE patterns and dates. Also refused:
/// a <c>count</c> that differs from the entries present (a cut or edited file) and a CVE listed twice.
/// </summary>
internal static class KevJsonReader
{
    public static KevCatalog Read(ReadOnlyMemory<byte> json, string fileName)
    {
        var lines = new LineIndex(json.Span);
        var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { MaxDepth = 16 });
        string? version = null;
        DateTimeOffset? released = null;
        long? count = null;
        List<KevEntry>? entries = null;
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ReportFormatException(fileName, "the catalog must be a JSON object", 1);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                var at = lines.LineOf(reader.TokenStartIndex);
                reader.Read();
                switch (name)
                {
                    case "catalogVersion":
                        version = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        if (version is null || !KevFields.IsVersion(version))
                        {
                            throw new ReportFormatException(fileName, "catalogVersion must be a version string such as \"2025.08.25\"", at);
                        }

                        break;
                    case "dateReleased":
                        released = reader.TokenType == JsonTokenType.String
                            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
                                ? date
                                : throw new ReportFormatException(fileName, "dateReleased must be a date-time (YYYY-MM-DDTHH:mm:ss.sssZ)", at);
                        break;
                    case "count":
                        count = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number) && number >= 0
                            ? number
                            : throw new ReportFormatException(fileName, "count must be a whole number", at);
                        break;
                    case "vulnerabilities":
                        entries = ReadEntries(ref reader, lines, fileName, at);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            throw new ReportFormatException(fileName, "invalid JSON: " + ex.Message, (ex.LineNumber ?? 0) + 1, inner: ex);
        }

        var missing = new[] { ("catalogVersion", version is null), ("dateReleased", released is null), ("count", count is null), ("vulnerabilities", entries is null) }
            .Where(field => field.Item2).Select(field => field.Item1).ToList();
        if (missing.Count > 0)
        {
            throw new ReportFormatException(fileName, $"the catalog has no {string.Join(", ", missing)} (required by the KEV schema)");
        }

        if (count != entries!.Count)
        {
            throw new ReportFormatException(fileName, $"count says {count} vulnerabilities but the catalog lists {entries.Count}");
        }

        return new KevCatalog(version!, released, entries, "json");
    }

    private static List<KevEntry> ReadEntries(ref Utf8JsonReader reader, LineIndex lines, string fileName, long line)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new ReportFormatException(fileName, "vulnerabilities must be an array", line);
        }

        var entries = new List<KevEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var at = lines.LineOf(reader.TokenStartIndex);
            using var document = JsonDocument.ParseValue(ref reader);
            var entry = KevEntryFields.FromJson(document.RootElement, fileName, at);
            if (!seen.Add(entry.CveId))
            {
                throw new ReportFormatException(fileName, $"{entry.CveId} is listed twice", at);
            }

            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>Turns byte offsets into 1-based line numbers (the catalog is in memory, so this is a sorted list of newlines).</summary>
    private sealed class LineIndex
    {
        private readonly List<long> _newlines = [];

        public LineIndex(ReadOnlySpan<byte> text)
        {
            for (var i = text.IndexOf((byte)'\n'); i >= 0;)
            {
                _newlines.Add(i);
                var next = text[(i + 1)..].IndexOf((byte)'\n');
                i = next < 0 ? -1 : i + 1 + next;
            }
        }

        public long LineOf(long offset)
        {
            var index = _newlines.BinarySearch(offset);
            return (index < 0 ? ~index : index) + 1;
        }
    }
}
