using System.Text.Json;

namespace Rampart.Core.Osv;

/// <summary>
/// The compact stored form of ranges and versions: JSON arrays of strings. A range is <c>["S", "i:0", "f:1.2.3"]</c>:
/// its type (S SEMVER, E ECOSYSTEM) then one "kind:version" per event (i introduced, f fixed, l last_affected, m limit;
/// the version is everything after the first colon, so Debian epochs survive).
/// </summary>
public static class OsvRangeText
{
    public static string? FormatRanges(IEnumerable<OsvRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var rows = ranges.Where(r => r.Type != OsvRangeType.Git)
            .Select(r => (string[])[r.Type == OsvRangeType.Semver ? "S" : "E", .. r.Events.Select(e => Letter(e.Kind) + ":" + e.Version)])
            .ToList();
        return rows.Count == 0 ? null : JsonSerializer.Serialize(rows);
    }

    public static IReadOnlyList<OsvRange> ParseRanges(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var rows = JsonSerializer.Deserialize<string[][]>(text) ?? [];
        return [.. rows.Select(row => new OsvRange(
            row[0] == "S" ? OsvRangeType.Semver : OsvRangeType.Ecosystem,
            [.. row.Skip(1).Select(e => new OsvEvent(Kind(e[0]), e[2..]))]))];
    }

    public static string? FormatVersions(IReadOnlyList<string> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return versions.Count == 0 ? null : JsonSerializer.Serialize(versions);
    }

    public static IReadOnlyList<string> ParseVersions(string? text) =>
        string.IsNullOrEmpty(text) ? [] : JsonSerializer.Deserialize<string[]>(text) ?? [];

    private static string Letter(OsvEventKind kind) => kind switch
    {
        OsvEventKind.Introduced => "i",
        OsvEventKind.Fixed => "f",
        OsvEventKind.LastAffected => "l",
        _ => "m",
    };

    private static OsvEventKind Kind(char letter) => letter switch
    {
        'i' => OsvEventKind.Introduced,
        'f' => OsvEventKind.Fixed,
        'l' => OsvEventKind.LastAffected,
        _ => OsvEventKind.Limit,
    };
}
