namespace Rampart.Core.Findings;

/// <summary>Space-separated lists of identifiers (CVE ids, CWE ids, CVSS vectors never contain spaces).</summary>
public static class ValueList
{
    public static string Join(IEnumerable<string> values) =>
        string.Join(' ', values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal));

    public static IReadOnlyList<string> Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
