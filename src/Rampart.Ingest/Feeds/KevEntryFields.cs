using System.Text.Json;
using Rampart.Core.Feeds;

namespace Rampart.Ingest.Feeds;

/// <summary>Builds a <see cref="KevEntry"/> from one vulnerability of the JSON catalog or one CSV row, with the schema's checks.</summary>
internal static class KevEntryFields
{
    public static KevEntry FromJson(JsonElement item, string fileName, long line)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new ReportFormatException(fileName, "each vulnerability must be a JSON object", line);
        }

        string? Text(string name, bool required)
        {
            if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return required ? throw Missing(fileName, line, name, Id(item)) : null;
            }

            return value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : throw new ReportFormatException(fileName, $"{name} must be a string{Of(Id(item))}", line);
        }

        string? cwes = null;
        if (item.TryGetProperty("cwes", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.String))
            {
                throw new ReportFormatException(fileName, $"cwes must be an array of strings{Of(Id(item))}", line);
            }

            cwes = Cwes(list.EnumerateArray().Select(c => c.GetString()!), fileName, line);
        }

        return Build(fileName, line, Text, cwes);
    }

    /// <summary>A CSV row: <paramref name="cell"/> gives a column's text (null when the column is absent).</summary>
    public static KevEntry FromCsv(Func<string, string?> cell, string fileName, long line)
    {
        var cwes = cell("cwes") is { Length: > 0 } text ? Cwes(text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), fileName, line) : null;
        return Build(fileName, line, (name, required) => cell(name) is { } value ? value : required ? throw Missing(fileName, line, name, null) : null, cwes);
    }

    private static KevEntry Build(string fileName, long line, Func<string, bool, string?> text, string? cwes)
    {
        var id = text("cveID", true)!.Trim();
        if (!KevFields.IsCve(id))
        {
            throw new ReportFormatException(fileName, $"cveID \"{Clip(id)}\" does not match CVE-YYYY-NNNN", line);
        }

        DateOnly Date(string name) =>
            KevFields.TryDate(text(name, true)!.Trim(), out var date)
                ? date
                : throw new ReportFormatException(fileName, $"{name} \"{Clip(text(name, true)!)}\" of {id} is not a date (YYYY-MM-DD)", line);

        string Required(string name) => Bounded(text(name, true)!, name, id, fileName, line);

        var ransomware = text("knownRansomwareCampaignUse", false);
        var notes = text("notes", false);
        return new KevEntry
        {
            CveId = id,
            VendorProject = Required("vendorProject"),
            Product = Required("product"),
            VulnerabilityName = Required("vulnerabilityName"),
            DateAdded = Date("dateAdded"),
            ShortDescription = Required("shortDescription"),
            RequiredAction = Required("requiredAction"),
            DueDate = Date("dueDate"),
            KnownRansomwareCampaignUse = string.IsNullOrWhiteSpace(ransomware) ? null : Bounded(ransomware.Trim(), "knownRansomwareCampaignUse", id, fileName, line),
            Notes = string.IsNullOrEmpty(notes) ? null : Bounded(notes, "notes", id, fileName, line),
            Cwes = cwes,
            CatalogVersion = "",
        };
    }

    private static string? Cwes(IEnumerable<string> items, string fileName, long line)
    {
        var list = new List<string>();
        foreach (var item in items)
        {
            var cwe = item.Trim();
            if (!KevFields.IsCwe(cwe))
            {
                throw new ReportFormatException(fileName, $"\"{Clip(cwe)}\" is not a CWE id (CWE-NNN)", line);
            }

            if (!list.Contains(cwe, StringComparer.Ordinal))
            {
                list.Add(cwe);
            }
        }

        return list.Count == 0 ? null : string.Join(' ', list);
    }

    private static string Bounded(string value, string name, string id, string fileName, long line) =>
        value.Length <= KevFields.MaxFieldLength
            ? value
            : throw new ReportFormatException(fileName, $"{name} of {id} is longer than {KevFields.MaxFieldLength} characters", line);

    private static ReportFormatException Missing(string fileName, long line, string name, string? id) =>
        new(fileName, $"a vulnerability{Of(id)} has no {name} (required by the KEV schema)", line);

    private static string? Id(JsonElement item) =>
        item.TryGetProperty("cveID", out var id) && id.ValueKind == JsonValueKind.String ? Clip(id.GetString()!) : null;

    private static string Of(string? id) => id is null ? "" : $" ({id})";

    private static string Clip(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
