using System.Globalization;
using System.Text.Json;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Core.Prioritization.Cvss;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.OsvScanner;

/// <summary>
/// Maps one OSV-Scanner package entry (<c>{package, vulnerabilities[], groups[]}</c>) to one finding per
/// vulnerability. The vulnerabilities are OSV records (OSV schema 1.x).
/// </summary>
internal static class OsvPackageMapper
{
    public const string Tool = "OSV-Scanner";

    /// <param name="invalid">Makes the error for an entry of the wrong shape (it names the file and position).</param>
    public static List<ReportedFinding> Map(JsonElement entry, string? path, Func<string, Exception> invalid)
    {
        var package = entry.Get("package") ?? default;
        var name = ScannerText.Short(package.Text("name"));
        var ecosystem = package.Text("ecosystem");
        // A package found by its git commit (source type "git") has no name, ecosystem or version: the commit is its version.
        var version = ScannerText.Short(package.Text("version")) ?? ScannerText.Short(package.Text("commit"));
        var purl = ScannerText.Short(package.Text("purl")) ?? PackageEcosystems.Purl(ecosystem, name, ScannerText.Short(package.Text("version")));
        var groups = entry.Items("groups").Where(g => g.ValueKind == JsonValueKind.Object).ToList();

        var records = new List<(JsonElement Vulnerability, string Id, int Group, Severity? Rating)>();
        foreach (var vulnerability in entry.Items("vulnerabilities"))
        {
            var id = Identifiers.VulnerabilityId(vulnerability.Text("id")) ?? throw invalid("a vulnerability has no id");
            var group = groups.FindIndex(g => g.Items("ids").Any(i => string.Equals(i.AsText(), id, StringComparison.OrdinalIgnoreCase)));
            records.Add((vulnerability, id, group, OwnRating(vulnerability)));
        }

        var findings = new List<ReportedFinding>();
        foreach (var (vulnerability, id, index, rating) in records)
        {
            JsonElement? group = index >= 0 ? groups[index] : null;
            findings.Add(new ReportedFinding
            {
                Kind = FindingKind.Vulnerability,
                Tool = Tool,
                Title = ScannerText.Title(vulnerability.Text("summary")) ?? ScannerText.Title(name is null ? id : $"{id} in {name}") ?? id,
                Description = ScannerText.Long(vulnerability.Text("details")),
                VulnerabilityIds = Ids(id, vulnerability, group),
                Cwes = Identifiers.Distinct(Cwes(vulnerability).Select(Identifiers.Cwe)),
                ComponentPurl = purl,
                ComponentName = name,
                ComponentVersion = version,
                FixedVersion = FixedVersion(vulnerability, name, ScannerText.Short(package.Text("version"))),
                LocationPath = path,
                ToolSeverity = rating ?? GroupRating(group, records.Where(r => index >= 0 && r.Group == index).Select(r => r.Rating)),
                CvssVectors = Identifiers.Distinct(Vectors(vulnerability)),
                Message = CallAnalysis(group, vulnerability.Text("id")),
            });
        }

        return findings;
    }

    /// <summary>
    /// The record's id, its own aliases, then its alias group (osv-scanner groups records that alias each other:
    /// "GHSA-…" and "PYSEC-…" for one CVE), so that every member of a group carries the group's CVE and the
    /// fingerprint, which prefers a CVE, correlates them.
    /// </summary>
    private static IReadOnlyList<string> Ids(string id, JsonElement vulnerability, JsonElement? group) =>
        Identifiers.Distinct(
        [
            id,
            .. vulnerability.Items("aliases").Select(a => Identifiers.VulnerabilityId(a.AsText())),
            .. (group?.Items("ids") ?? []).Select(a => Identifiers.VulnerabilityId(a.AsText())),
            .. (group?.Items("aliases") ?? []).Select(a => Identifiers.VulnerabilityId(a.AsText())),
        ]);

    /// <summary>GHSA records: <c>database_specific.cwe_ids</c>; malicious-package records: <c>affected[].database_specific.cwes[].cweId</c>.</summary>
    private static IEnumerable<string?> Cwes(JsonElement vulnerability) =>
        (vulnerability.Get("database_specific")?.Items("cwe_ids") ?? []).Select(c => c.AsText())
            .Concat(vulnerability.Items("affected").SelectMany(a => a.Get("database_specific")?.Items("cwes") ?? []).Select(c => c.Text("cweId")));

    /// <summary>
    /// A record's own rating: the database's (GHSA <c>database_specific.severity</c>: LOW, MODERATE, HIGH,
    /// CRITICAL), else the highest CVSS score of its vectors (any version; each vector's most specific score).
    /// </summary>
    private static Severity? OwnRating(JsonElement vulnerability)
    {
        if (SeverityScale.Parse(vulnerability.Get("database_specific")?.Text("severity")) is { } rated)
        {
            return rated;
        }

        var scores = Vectors(vulnerability)
            .Select(v => v is not null && Cvss.TryScore(v, out var score, out _) ? score?.Score : null)
            .OfType<double>()
            .ToList();
        return scores.Count > 0 ? SeverityScale.FromScore(scores.Max()) : null;
    }

    /// <summary>
    /// For a record without a rating of its own (Go vulndb and PYSEC records often have none): the
    /// <c>max_severity</c> score osv-scanner computed for its alias group, else the highest rating of the group's
    /// other records for this package (the GHSA record of the same CVE), else Info.
    /// </summary>
    private static Severity GroupRating(JsonElement? group, IEnumerable<Severity?> members) =>
        Score(group?.Text("max_severity")) ?? members.Max() ?? Severity.Info;

    /// <summary>A CVSS score as text; outside 0–10 it is ignored (lenient reading) rather than trusted.</summary>
    private static Severity? Score(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && score is >= 0 and <= 10
            ? SeverityScale.FromScore(score)
            : null;

    /// <summary>OSV <c>severity[]</c>: for the CVSS types, <c>score</c> is the vector.</summary>
    private static IEnumerable<string?> Vectors(JsonElement vulnerability) =>
        vulnerability.Items("severity").Select(s => s.Text("type") switch
        {
            "CVSS_V2" => CvssVectors.Normalize("CVSSv2", s.Text("score")),
            "CVSS_V3" => CvssVectors.Normalize("CVSSv3", s.Text("score")),
            "CVSS_V4" => CvssVectors.Normalize("CVSSv4", s.Text("score")),
            _ => null,
        });

    /// <summary>
    /// The "fixed" events of the record's ranges for this package (GIT ranges, whose events are commits, are left
    /// out). With several release lines fixed (django 2.2.28, 3.2.13, 4.0.4), the lowest fix above the installed
    /// version is the one to upgrade to; without an installed version, all are listed.
    /// </summary>
    private static string? FixedVersion(JsonElement vulnerability, string? name, string? installed)
    {
        var fixes = Identifiers.Distinct(vulnerability.Items("affected")
            .Where(a => name is not null && string.Equals(a.Get("package")?.Text("name"), name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(a => a.Items("ranges"))
            .Where(r => !string.Equals(r.Text("type"), "GIT", StringComparison.OrdinalIgnoreCase))
            .SelectMany(r => r.Items("events"))
            .Select(e => ScannerText.Short(e.Text("fixed"))));
        if (fixes.Count <= 1 || installed is null)
        {
            return ScannerText.Short(string.Join(", ", fixes));
        }

        return fixes.Where(f => PackageEcosystems.CompareVersions(f, installed) > 0)
            .Order(Comparer<string>.Create(PackageEcosystems.CompareVersions))
            .FirstOrDefault();
    }

    /// <summary>osv-scanner's call analysis (Go): says when the vulnerable code is not reached from the scanned module.</summary>
    private static string? CallAnalysis(JsonElement? group, string? id)
    {
        if (id is null || group?.Get("experimental_analysis")?.Get(id) is not { } analysis)
        {
            return null;
        }

        return analysis.Get("called")?.ValueKind == JsonValueKind.False
            ? "osv-scanner call analysis: the vulnerable code is not called"
            : null;
    }
}
