using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Rampart.Core.Findings;

namespace Rampart.Services.Tickets;

/// <summary>What a finding's ticket says; its <see cref="Hash"/> tells a sync whether the ticket needs writing.</summary>
/// <param name="Lines">The description, one line each (a tracker renders them as Markdown or Atlassian Document Format paragraphs).</param>
public sealed record TicketContent(long FindingId, string Title, IReadOnlyList<string> Lines, Priority Priority, DateOnly? DueDate, string AssetName, Uri? Link)
{
    /// <summary>The ticket of a finding (with its asset loaded).</summary>
    public static TicketContent From(Finding finding, Uri? link)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var asset = finding.Asset?.Name ?? $"asset {finding.AssetId}";
        var due = finding.DueDate is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : (DateOnly?)null;
        var lines = new List<string>
        {
            $"Rampart finding {finding.Id} on {asset}.",
            $"Priority: {finding.Priority}" + (due is { } d ? $" · due {d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : ""),
            $"Severity: {finding.Severity}",
        };
        if (finding.VulnerabilityIds.Length > 0)
        {
            lines.Add($"Vulnerability: {finding.VulnerabilityIds}");
        }

        if (finding.ComponentName is { } component)
        {
            lines.Add($"Component: {component} {finding.ComponentVersion}".TrimEnd() + (finding.FixedVersion is { } fixedIn ? $" (fixed in {fixedIn})" : ""));
        }

        if (finding.LocationPath is { } path)
        {
            lines.Add($"Location: {path}" + (finding.LocationLine is { } line ? $":{line}" : ""));
        }

        lines.Add("Why this priority:");
        lines.AddRange(finding.PriorityReasons.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        lines.Add("Rampart closes this ticket when the finding is closed, and reopens it if the finding returns.");
        var title = $"[{finding.Priority}] {finding.Title} ({asset})";
        return new TicketContent(finding.Id, title.Length <= 250 ? title : title[..250], lines, finding.Priority, due, asset, link);
    }

    /// <summary>Labels for the tracker: rampart, the priority, then the configured ones.</summary>
    public IReadOnlyList<string> Labels(string priorityPrefix, IEnumerable<string> configured) =>
        [.. new[] { "rampart", priorityPrefix + Priority }.Concat(configured).Distinct(StringComparer.Ordinal)];

    /// <summary>SHA-256 (lower-case hex) of everything a tracker is sent.</summary>
    public string Hash()
    {
        var text = string.Join('\n', new[] { Title, Priority.ToString(), DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", Link?.AbsoluteUri ?? "" }.Concat(Lines));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
