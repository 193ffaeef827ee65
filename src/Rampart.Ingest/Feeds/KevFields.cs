using System.Globalization;
using System.Text.RegularExpressions;

namespace Rampart.Ingest.Feeds;

/// <summary>Field rules shared by the KEV JSON and CSV readers, from the catalog's JSON schema (known_exploited_vulnerabilities_schema.json).</summary>
internal static partial class KevFields
{
    /// <summary>Required in every vulnerability by the schema's "required" list.</summary>
    public static readonly string[] Required =
        ["cveID", "vendorProject", "product", "vulnerabilityName", "dateAdded", "shortDescription", "requiredAction", "dueDate"];

    /// <summary>Longer text than this in one field is not a catalog entry; it bounds what a hostile file can store.</summary>
    public const int MaxFieldLength = 64 * 1024;

    /// <summary>"format": "date" in the schema: YYYY-MM-DD.</summary>
    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool IsCve(string text) => CvePattern().IsMatch(text);

    public static bool IsCwe(string text) => CwePattern().IsMatch(text);

    /// <summary>Versions are CISA's yyyy.MM.dd; anything else printable and short is kept as given.</summary>
    public static bool IsVersion(string text) => VersionPattern().IsMatch(text);

    public static string VersionOf(DateOnly date) => date.ToString("yyyy'.'MM'.'dd", CultureInfo.InvariantCulture);

    // The schema's patterns: "^CVE-[0-9]{4}-[0-9]{4,19}$" and "^CWE-([0-9])+$".
    [GeneratedRegex(@"^CVE-[0-9]{4}-[0-9]{4,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex CvePattern();

    [GeneratedRegex(@"^CWE-[0-9]{1,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex CwePattern();

    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
