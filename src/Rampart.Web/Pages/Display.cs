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

    /// <summary>The CSS class of a taxonomy tag's label, from a fixed set (the tag itself is scanner text: never a class name).</summary>
    public static string TagClass(string tag) => "tag " + Scheme(tag).Class;

    /// <summary>What a tag's scheme is, for the label's tooltip: "OWASP Top 10 for LLM Applications", "CWE weakness"…</summary>
    public static string TagScheme(string tag) => Scheme(tag).Name;

    private static (string Class, string Name) Scheme(string tag) => tag switch
    {
        _ when tag.StartsWith("OWASP-LLM:", StringComparison.OrdinalIgnoreCase) => ("tag-owasp-llm", "OWASP Top 10 for LLM Applications"),
        _ when tag.StartsWith("ATLAS:", StringComparison.OrdinalIgnoreCase) => ("tag-atlas", "MITRE ATLAS"),
        _ when tag.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase) => ("tag-cwe", "CWE weakness"),
        _ when tag.StartsWith("WASC:", StringComparison.OrdinalIgnoreCase) => ("tag-wasc", "WASC threat classification"),
        _ when tag.StartsWith("OWASP:", StringComparison.OrdinalIgnoreCase) => ("tag-owasp", "OWASP Top 10"),
        _ => ("tag-other", "Tag"),
    };
}
