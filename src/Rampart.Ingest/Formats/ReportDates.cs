using System.Globalization;
using System.Text.RegularExpressions;

namespace Rampart.Ingest.Formats;

/// <summary>Scan timestamps as reports write them (ISO 8601, sometimes with nanoseconds).</summary>
internal static partial class ReportDates
{
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // .NET parses at most 7 fractional digits; Trivy writes 9.
        var trimmed = LongFraction().Replace(text.Trim(), "$1");
        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;
    }

    [GeneratedRegex(@"(\.\d{7})\d+", RegexOptions.CultureInvariant)]
    private static partial Regex LongFraction();
}
