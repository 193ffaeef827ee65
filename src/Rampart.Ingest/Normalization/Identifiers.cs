using System.Globalization;
using System.Text.RegularExpressions;

namespace Rampart.Ingest.Normalization;

/// <summary>Normalizes CWE and vulnerability ids so that the same weakness is spelled the same way by every tool.</summary>
internal static partial class Identifiers
{
    /// <summary>"CWE-79", "cwe-079", "external/cwe/cwe-079", "CWE-79: Improper…", "79" → "CWE-79".</summary>
    public static string? Cwe(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = CwePattern().Match(text.Trim());
        return match.Success ? FromNumber(match.Groups["n"].Value) : null;
    }

    public static string? Cwe(int number) => number > 0 ? "CWE-" + number.ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>Upper-cases the prefix of CVE and GHSA ids ("cve-2021-44228" → "CVE-2021-44228"; GHSA bodies are lower-case).</summary>
    public static string? VulnerabilityId(string? id)
    {
        var text = ScannerText.Short(id);
        if (text is null)
        {
            return null;
        }

        if (text.StartsWith("CVE-", StringComparison.OrdinalIgnoreCase))
        {
            return text.ToUpperInvariant();
        }

        return text.StartsWith("GHSA-", StringComparison.OrdinalIgnoreCase)
            ? "GHSA-" + text[5..].ToLowerInvariant()
            : text;
    }

    /// <summary>CVE and GHSA ids mentioned in free text, in order of appearance.</summary>
    public static IEnumerable<string> VulnerabilityIdsIn(string? text) =>
        string.IsNullOrEmpty(text) ? [] : VulnerabilityIdPattern().Matches(text).Select(m => VulnerabilityId(m.Value)!);

    /// <summary>Drops nulls and case-insensitive duplicates, keeping the tool's order.</summary>
    public static IReadOnlyList<string> Distinct(IEnumerable<string?> values) =>
        [.. values.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string? FromNumber(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? Cwe(number) : null;

    [GeneratedRegex(@"^(?:external/cwe/)?(?:cwe[-_/: ]?)?0*(?<n>\d{1,6})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CwePattern();

    [GeneratedRegex(@"\b(?:CVE-\d{4}-\d{4,}|GHSA(?:-[0-9a-z]{4}){3})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VulnerabilityIdPattern();
}
