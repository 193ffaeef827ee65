using Rampart.Core.Findings;
using Rampart.Core.Ingest;

namespace Rampart.Services.Osv;

/// <summary>
/// Turns a matched (component, record) into a <see cref="ReportedFinding"/>: ids CVE first (the canonical id findings
/// are keyed by), the record's summary as title, its CVSS vectors, and the fixed version. Two records for one CVE on
/// one component version (a GHSA and a PYSEC record) make one finding with both ids.
/// </summary>
internal static class OsvFindings
{
    private const int TitleLength = 500;

    public static void Add(Dictionary<(string, string, string), ReportedFinding> findings, InventoryComponent component, CandidatePackage package, string? fixedVersion)
    {
        var entry = package.Entry;
        var ids = Ordered([entry.Id, .. entry.Aliases]);
        var key = (component.Purl, component.Version, ids[0]);
        if (findings.TryGetValue(key, out var existing))
        {
            findings[key] = existing with
            {
                VulnerabilityIds = Ordered([.. existing.VulnerabilityIds, .. ids]),
                FixedVersion = existing.FixedVersion ?? fixedVersion,
                CvssVectors = [.. existing.CvssVectors.Union(entry.CvssVectors, StringComparer.Ordinal)],
            };
            return;
        }

        var title = entry.Summary is { Length: > 0 } summary ? summary : $"{entry.Id} in {package.Affected.Name}";
        findings[key] = new ReportedFinding
        {
            Kind = FindingKind.Vulnerability,
            Tool = InventoryMatcher.Tool,
            Title = title.Length <= TitleLength ? title : title[..TitleLength],
            RuleId = entry.Id,
            VulnerabilityIds = ids,
            ComponentPurl = component.Purl,
            ComponentName = component.Name,
            ComponentVersion = component.Version,
            FixedVersion = fixedVersion,
            CvssVectors = entry.CvssVectors,
            ToolSeverity = entry.Severity ?? Severity.Info,
            Message = $"{package.Affected.Ecosystem} {package.Affected.Name} {component.Version} is affected by OSV record {entry.Id}"
                + (fixedVersion is null ? "." : $"; fixed in {fixedVersion}."),
        };
    }

    /// <summary>CVE ids first (in order), then the rest; duplicates removed ignoring case.</summary>
    private static List<string> Ordered(IEnumerable<string> ids)
    {
        var distinct = ids.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return [.. distinct.Where(IsCve), .. distinct.Where(id => !IsCve(id))];
    }

    private static bool IsCve(string id) => id.StartsWith("CVE-", StringComparison.OrdinalIgnoreCase);
}
