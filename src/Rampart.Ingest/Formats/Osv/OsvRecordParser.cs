using System.Text.Json;
using Rampart.Core.Findings;
using Rampart.Core.Osv;
using Rampart.Core.Versions;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.Osv;

/// <summary>
/// Reads one OSV record (OSV schema 1.0–1.6; <c>schema_version</c> may be absent) into an <see cref="OsvRecord"/>.
/// Refused, with the JSON path of the fault: no id or modified date, a date that is not RFC 3339, a schema_version of
/// another major version, a range type other than SEMVER, ECOSYSTEM or GIT (§affected[].ranges[].type), an event
/// that is not exactly one of introduced, fixed, last_affected, limit, and a SEMVER range version that is not SemVer 2.0.
/// ECOSYSTEM versions are kept as given: whether the ecosystem's scheme reads them is decided when matching.
/// </summary>
internal static class OsvRecordParser
{
    public const int SummaryLength = 500;
    private const int IdLength = 100;

    private static readonly JsonDocument EmptyArray = JsonDocument.Parse("[]");

    public static OsvRecord Parse(JsonElement root, string origin)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fault(origin, "$", "an OSV record is a JSON object");
        }

        var id = Text(root, "id", origin, "$.id") ?? throw Fault(origin, "$.id", "the record has no id");
        if (id.Length > IdLength || id.Any(char.IsWhiteSpace))
        {
            throw Fault(origin, "$.id", $"'{Clip(id, 60)}' is not an OSV id");
        }

        var schemaVersion = Text(root, "schema_version", origin, "$.schema_version");
        if (schemaVersion is not null && !schemaVersion.StartsWith("1.", StringComparison.Ordinal))
        {
            throw Fault(origin, "$.schema_version", $"schema_version {Clip(schemaVersion, 20)} is not supported (1.x is)");
        }

        return new OsvRecord
        {
            Id = id,
            SchemaVersion = schemaVersion,
            Modified = Date(root, "modified", origin) ?? throw Fault(origin, "$.modified", $"{id} has no modified date"),
            Published = Date(root, "published", origin),
            Withdrawn = Date(root, "withdrawn", origin),
            Summary = Clip(Text(root, "summary", origin, "$.summary"), SummaryLength),
            Aliases = Strings(root, "aliases", origin, "$.aliases"),
            CvssVectors = Severity(root, origin),
            Affected = Affected(root, origin),
            Severity = DatabaseSeverity(root, id),
        };
    }

    /// <summary>GitHub's advisory severity words (database_specific is free-form per §database_specific: read, never required).</summary>
    private static Severity? DatabaseSeverity(JsonElement root, string id)
    {
        if (root.TryGetProperty("database_specific", out var specific) && specific.ValueKind == JsonValueKind.Object
            && specific.TryGetProperty("severity", out var word) && word.ValueKind == JsonValueKind.String)
        {
            switch (word.GetString()?.ToUpperInvariant())
            {
                case "CRITICAL": return Core.Findings.Severity.Critical;
                case "HIGH": return Core.Findings.Severity.High;
                case "MODERATE" or "MEDIUM": return Core.Findings.Severity.Medium;
                case "LOW": return Core.Findings.Severity.Low;
            }
        }

        return id.StartsWith("MAL-", StringComparison.Ordinal) ? Core.Findings.Severity.Critical : null;
    }

    private static List<string> Severity(JsonElement root, string origin)
    {
        var vectors = new List<string>();
        var index = 0;
        foreach (var severity in Array(root, "severity", origin, "$.severity"))
        {
            var path = $"$.severity[{index++}]";
            var type = Text(severity, "type", origin, path + ".type");
            var score = Text(severity, "score", origin, path + ".score");
            // §severity[].type: CVSS_V2/V3/V4 scores are vectors; Ubuntu's priority words are not.
            if (type is "CVSS_V2" or "CVSS_V3" or "CVSS_V4" && CvssVectors.Normalize(null, score) is { } vector)
            {
                vectors.Add(vector);
            }
        }

        return vectors;
    }

    private static List<OsvAffected> Affected(JsonElement root, string origin)
    {
        var affected = new List<OsvAffected>();
        var index = 0;
        foreach (var entry in Array(root, "affected", origin, "$.affected"))
        {
            var path = $"$.affected[{index++}]";
            string ecosystem = "", name = "";
            if (entry.TryGetProperty("package", out var package) && package.ValueKind == JsonValueKind.Object)
            {
                ecosystem = Text(package, "ecosystem", origin, path + ".package.ecosystem") ?? "";
                name = Text(package, "name", origin, path + ".package.name") ?? "";
            }

            var ranges = new List<OsvRange>();
            var rangeIndex = 0;
            foreach (var range in Array(entry, "ranges", origin, path + ".ranges"))
            {
                ranges.Add(Range(range, origin, $"{path}.ranges[{rangeIndex++}]"));
            }

            // An entry without a package (a CVE record's GIT-only entry) is kept so its ranges are counted as skipped.
            affected.Add(new OsvAffected(ecosystem, name, ranges, Strings(entry, "versions", origin, path + ".versions")));
        }

        return affected;
    }

    private static OsvRange Range(JsonElement range, string origin, string path)
    {
        var type = Text(range, "type", origin, path + ".type") switch
        {
            "SEMVER" => OsvRangeType.Semver,
            "ECOSYSTEM" => OsvRangeType.Ecosystem,
            "GIT" => OsvRangeType.Git,
            null => throw Fault(origin, path + ".type", "the range has no type"),
            var other => throw Fault(origin, path + ".type", $"unknown range type '{Clip(other, 40)}' (SEMVER, ECOSYSTEM or GIT)"),
        };

        var events = new List<OsvEvent>();
        var index = 0;
        foreach (var item in Array(range, "events", origin, path + ".events"))
        {
            var eventPath = $"{path}.events[{index++}]";
            if (item.ValueKind != JsonValueKind.Object || item.EnumerateObject().Count() != 1)
            {
                throw Fault(origin, eventPath, "an event has exactly one of introduced, fixed, last_affected, limit");
            }

            var property = item.EnumerateObject().First();
            var kind = property.Name switch
            {
                "introduced" => OsvEventKind.Introduced,
                "fixed" => OsvEventKind.Fixed,
                "last_affected" => OsvEventKind.LastAffected,
                "limit" => OsvEventKind.Limit,
                _ => throw Fault(origin, eventPath, $"unknown event '{Clip(property.Name, 40)}'"),
            };
            if (property.Value.ValueKind != JsonValueKind.String || property.Value.GetString() is not { Length: > 0 } version)
            {
                throw Fault(origin, $"{eventPath}.{property.Name}", "the event's version is not a string");
            }

            var unbounded = (kind == OsvEventKind.Introduced && version == "0") || (kind == OsvEventKind.Limit && version == "*");
            if (type == OsvRangeType.Semver && !unbounded && SemVerScheme.WithV.Parse(version) is null)
            {
                throw Fault(origin, $"{eventPath}.{property.Name}", $"'{Clip(version, 60)}' is not a SemVer 2.0 version (the range type is SEMVER)");
            }

            events.Add(new OsvEvent(kind, version));
        }

        return new OsvRange(type, events);
    }

    private static DateTimeOffset? Date(JsonElement root, string property, string origin)
    {
        var text = Text(root, property, origin, "$." + property);
        if (text is null)
        {
            return null;
        }

        return ReportDates.Parse(text) ?? throw Fault(origin, "$." + property, $"'{Clip(text, 40)}' is not an RFC 3339 date");
    }

    private static string? Text(JsonElement element, string property, string origin, string path)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Fault(origin, path, "expected a string");
    }

    private static List<string> Strings(JsonElement element, string property, string origin, string path)
    {
        var values = new List<string>();
        foreach (var item in Array(element, property, origin, path))
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw Fault(origin, path, "expected an array of strings");
            }

            if (item.GetString() is { Length: > 0 } text)
            {
                values.Add(text.Trim());
            }
        }

        return values;
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement element, string property, string origin, string path)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return EmptyArray.RootElement.EnumerateArray();
        }

        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw Fault(origin, path, "expected an array");
    }

    private static string? Clip(string? text, int length) =>
        text is null ? null : text.Length <= length ? text : text[..length];

    private static ReportFormatException Fault(string origin, string path, string reason) => new(origin, $"{path}: {reason}");
}
