using System.Text.Json;
using System.Text.RegularExpressions;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Ingest.Formats.OsvScanner;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.NpmAudit;

/// <summary>Maps npm audit advisories (v1) and vulnerability entries (v2) to findings; see <see cref="NpmAuditReport"/>.</summary>
internal static partial class NpmAuditMapper
{
    public const string Tool = "npm audit";

    private const int MaxPaths = 10;

    /// <summary>"npm audit failed: ENOAUDIT: Your configured registry…", clipped.</summary>
    public static string ErrorReason(JsonElement error)
    {
        var text = error.ValueKind == JsonValueKind.Object
            ? string.Join(": ", new[] { error.Text("code"), error.Text("summary") ?? error.Text("detail") }.Where(t => !string.IsNullOrWhiteSpace(t)))
            : error.AsText();
        return "npm audit failed: " + (ScannerText.Title(text) ?? "npm reported an error without a message");
    }

    /// <summary>A v1 advisory: one finding per distinct installed version in <c>findings[]</c>.</summary>
    public static List<ReportedFinding> MapAdvisory(JsonElement advisory, string key)
    {
        var module = ScannerText.Short(advisory.Text("module_name"));
        var ruleId = RuleId(advisory.Text("id") ?? key);
        var url = advisory.Text("url");
        var ids = Identifiers.Distinct(
        [
            Identifiers.VulnerabilityId(advisory.Text("github_advisory_id")),
            .. Identifiers.VulnerabilityIdsIn(url).Where(IsGhsa),
            .. advisory.Items("cves").Select(c => Identifiers.VulnerabilityId(c.AsText())),
        ]);
        var patched = ScannerText.Short(advisory.Text("patched_versions"));
        var template = new ReportedFinding
        {
            Kind = FindingKind.Vulnerability,
            Tool = Tool,
            Title = ScannerText.Title(advisory.Text("title")) ?? ScannerText.Title($"{ruleId} in {module}") ?? "npm advisory",
            Description = ScannerText.Long(advisory.Text("overview")),
            RuleId = ruleId,
            VulnerabilityIds = ids,
            Cwes = Cwes(advisory.Get("cwe")),
            ComponentName = module,
            ComponentPurl = PackageEcosystems.Purl("npm", module, null),
            // npm writes "<0.0.0" when no version is patched.
            FixedVersion = patched is "<0.0.0" ? null : patched,
            ToolSeverity = SeverityScale.Parse(advisory.Text("severity")) ?? Severity.Info,
            CvssVectors = Identifiers.Distinct([CvssVectors.Normalize(null, advisory.Get("cvss")?.Text("vectorString"))]),
            Message = ScannerText.Long(advisory.Text("recommendation")),
        };

        var byVersion = advisory.Items("findings")
            .Where(f => f.ValueKind == JsonValueKind.Object)
            .GroupBy(f => ScannerText.Short(f.Text("version")) ?? "", StringComparer.Ordinal)
            .ToList();
        if (byVersion.Count == 0)
        {
            return [template];
        }

        return [.. byVersion.Select(version => template with
        {
            ComponentVersion = version.Key.Length == 0 ? null : version.Key,
            ComponentPurl = PackageEcosystems.Purl("npm", module, version.Key),
            Evidence = [.. version.SelectMany(f => f.Items("paths")).Select(p => ScannerText.Long(p.AsText())).OfType<string>()
                .Distinct(StringComparer.Ordinal).Take(MaxPaths).Select(p => new Evidence("dependency path", p))],
        })];
    }

    /// <summary>
    /// A v2 entry: one finding per advisory object in <c>via</c>. <paramref name="seen"/> holds the
    /// (package, advisory) pairs already reported, so an advisory object repeated in a dependent's entry is not counted twice.
    /// </summary>
    public static List<ReportedFinding> MapVulnerability(JsonElement entry, string key, HashSet<string> seen)
    {
        var entryName = ScannerText.Short(entry.Text("name")) ?? ScannerText.Short(key);
        var nodes = entry.Items("nodes").Select(n => ScannerText.Short(n.AsText())).OfType<string>().ToList();
        var findings = new List<ReportedFinding>();
        foreach (var via in entry.Items("via").Where(v => v.ValueKind == JsonValueKind.Object))
        {
            var package = ScannerText.Short(via.Text("name")) ?? entryName;
            var source = via.Text("source");
            var url = via.Text("url");
            if (!seen.Add($"{package}|{source ?? url ?? via.Text("title")}"))
            {
                continue;
            }

            var ruleId = RuleId(source);
            var range = ScannerText.Short(via.Text("range"));
            findings.Add(new ReportedFinding
            {
                Kind = FindingKind.Vulnerability,
                Tool = Tool,
                Title = ScannerText.Title(via.Text("title")) ?? ScannerText.Title($"{ruleId ?? "npm advisory"} in {package}") ?? "npm advisory",
                RuleId = ruleId,
                VulnerabilityIds = Identifiers.Distinct(Identifiers.VulnerabilityIdsIn(url).Where(IsGhsa).Select(i => (string?)i)),
                Cwes = Cwes(via.Get("cwe")),
                ComponentName = package,
                ComponentPurl = PackageEcosystems.Purl("npm", package, null),
                LocationPath = nodes.FirstOrDefault(),
                ToolSeverity = SeverityScale.Parse(via.Text("severity")) ?? SeverityScale.Parse(entry.Text("severity")) ?? Severity.Info,
                CvssVectors = Identifiers.Distinct([CvssVectors.Normalize(null, via.Get("cvss")?.Text("vectorString"))]),
                Message = ScannerText.Long(range is null ? FixText(entry) : $"Vulnerable versions: {range}. {FixText(entry)}"),
                Evidence = [.. nodes.Take(MaxPaths).Select(n => new Evidence("installed at", n))],
            });
        }

        return findings;
    }

    /// <summary>v2 <c>fixAvailable</c>: true, false, or the direct dependency to change (<c>{name, version, isSemVerMajor}</c>).</summary>
    private static string? FixText(JsonElement entry) => entry.Get("fixAvailable") switch
    {
        { ValueKind: JsonValueKind.True } => "A fix is available (npm audit fix).",
        { ValueKind: JsonValueKind.False } => "No fix is available.",
        { ValueKind: JsonValueKind.Object } fix => $"Fix: install {fix.Text("name")}@{fix.Text("version")}"
            + (fix.Get("isSemVerMajor")?.ValueKind == JsonValueKind.True ? " (a semver-major change)." : "."),
        _ => null,
    };

    /// <summary>The npm advisory number as a rule id ("NPM-1488"); advisories without a CVE or GHSA are identified by it.</summary>
    private static string? RuleId(string? number) => ScannerText.Short(number) is { } n ? "NPM-" + n : null;

    /// <summary>v1 writes one string ("CWE-400"), npm 8 a string holding a JSON array ("[\"CWE-22\",\"CWE-23\"]"), v2 an array.</summary>
    private static IReadOnlyList<string> Cwes(JsonElement? cwe)
    {
        var texts = cwe?.ValueKind == JsonValueKind.Array ? cwe.Value.Items().Select(c => c.AsText()) : [cwe?.AsText()];
        return Identifiers.Distinct(texts.SelectMany(t => t is null ? [] : CwePattern().Matches(t).Select(m => Identifiers.Cwe(m.Value))));
    }

    private static bool IsGhsa(string id) => id.StartsWith("GHSA-", StringComparison.Ordinal);

    [GeneratedRegex(@"CWE-\d+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CwePattern();
}
