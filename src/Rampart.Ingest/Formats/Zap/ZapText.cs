using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Rampart.Ingest.Formats.Zap;

/// <summary>ZAP's HTML-formatted alert texts and its locale-dependent report dates.</summary>
internal static partial class ZapText
{
    /// <summary>Month name prefixes ZAP writes in English, German and French locales (longest first where they share a start).</summary>
    private static readonly (string Prefix, int Month)[] Months =
    [
        ("juin", 6), ("juil", 7),
        ("jan", 1), ("feb", 2), ("fév", 2), ("fev", 2), ("mar", 3), ("mär", 3), ("mrz", 3), ("apr", 4), ("avr", 4),
        ("may", 5), ("mai", 5), ("jun", 6), ("jul", 7), ("aug", 8), ("aoû", 8), ("aou", 8), ("sep", 9),
        ("oct", 10), ("okt", 10), ("nov", 11), ("dec", 12), ("dez", 12), ("déc", 12),
    ];

    /// <summary>
    /// ZAP alert texts are HTML fragments ("&lt;p&gt;…&lt;/p&gt;"). This is only text for display: paragraph and
    /// line-break tags become line breaks, other tags are dropped, entities are decoded, blank runs collapse.
    /// </summary>
    public static string? Plain(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var text = LineBreakTag().Replace(html, "\n");
        text = AnyTag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        var lines = text.Split('\n').Select(line => line.Trim());
        var joined = BlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>
    /// The report's <c>generated</c> attribute: "Sun, 20 Jun 2021 09:30:00" in English, "Fr., 30 Sep. 2022 08:40:35"
    /// in German, or ISO 8601. The weekday is ignored (it is localized and adds nothing); ZAP writes the scanner's
    /// local time without a zone, read here as UTC. Unparseable text gives null (lenient reading).
    /// </summary>
    public static DateTimeOffset? ParseGenerated(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = DayMonthYearTime().Match(text);
        if (match.Success)
        {
            var monthName = match.Groups["month"].Value.ToLowerInvariant();
            var month = Months.FirstOrDefault(m => monthName.StartsWith(m.Prefix, StringComparison.Ordinal)).Month;
            var year = Number(match, "year");
            var day = Number(match, "day");
            var hour = Number(match, "hour");
            var minute = Number(match, "minute");
            var second = match.Groups["second"].Success ? Number(match, "second") : 0;
            if (month > 0 && year is >= 1 and <= 9999 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
                && hour < 24 && minute < 60 && second < 60)
            {
                return new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
            }

            return null;
        }

        return ReportDates.Parse(text);
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<\s*(?:br|/p|/div|/li|/h[1-6]|/tr)\b[^<>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreakTag();

    [GeneratedRegex(@"</?[A-Za-z][^<>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\n{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLines();

    [GeneratedRegex(
        @"(?<day>[0-9]{1,2})\.?\s+(?<month>\p{L}{3,})\.?\s+(?<year>[0-9]{4}),?\s+(?<hour>[0-9]{1,2}):(?<minute>[0-9]{2})(?::(?<second>[0-9]{2}))?",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DayMonthYearTime();
}
