namespace Rampart.Core.Findings;

/// <summary>The names users type for a report format (CLI --format, API and upload form): kebab-case, case-insensitive.</summary>
public static class ReportFormatNames
{
    /// <summary>Formats of files a user imports (not <see cref="ReportFormat.OsvRecords"/>, which only <c>rampart osv</c> makes).</summary>
    private static readonly ReportFormat[] Importable = [.. Enum.GetValues<ReportFormat>().Where(f => f != ReportFormat.OsvRecords)];

    private static readonly Dictionary<string, ReportFormat> ByName = Importable
        .ToDictionary(Name, f => f, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every accepted name, "auto" first.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Importable.Select(Name)];

    /// <summary>"osv-scanner" for <see cref="ReportFormat.OsvScanner"/>, "generic-csv" for <see cref="ReportFormat.GenericCsv"/>.</summary>
    public static string Name(ReportFormat format) => format switch
    {
        ReportFormat.CycloneDx => "cyclonedx",
        _ => string.Concat(format.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())),
    };

    /// <summary>Parses a kebab-case name or the enum's own name, ignoring case.</summary>
    public static bool TryParse(string? name, out ReportFormat format)
    {
        format = ReportFormat.Auto;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var trimmed = name.Trim();
        return ByName.TryGetValue(trimmed, out format)
            || (Enum.TryParse(trimmed, ignoreCase: true, out format) && Array.IndexOf(Importable, format) >= 0 && !trimmed.Any(char.IsDigit));
    }
}
