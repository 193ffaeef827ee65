using System.Globalization;
using Rampart.Core.Findings;

namespace Rampart.Web.Pages;

/// <summary>How dates, priorities and severities look on the pages (CSS classes are in Assets/css/site.css).</summary>
public static class Display
{
#pragma warning disable CA1308 // CSS class names are lower case
    public static string PriorityClass(Priority priority) => "badge badge-" + priority.ToString().ToLowerInvariant();

    public static string SeverityClass(Severity severity) => "badge badge-sev-" + severity.ToString().ToLowerInvariant();

    public static string StatusClass(FindingStatus status) => "badge badge-status-" + status.ToString().ToLowerInvariant();
#pragma warning restore CA1308

    public static string Date(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string DateTime(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
