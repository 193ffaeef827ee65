using System.Text.Json;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Ingest.Formats.OsvScanner;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.Grype;

/// <summary>
/// Maps one Grype match (<c>{vulnerability, relatedVulnerabilities, matchDetails, artifact}</c>) to a finding.
/// The schema drifted across versions and both shapes are read:
/// <list type="bullet">
/// <item>0.7: <c>vulnerability.{links, cvssV2, cvssV3, fixedInVersion}</c>, no description, no related vulnerabilities;</item>
/// <item>0.2x and later: <c>vulnerability.{dataSource, urls, description, cvss[], fix.versions}</c> and
/// <c>relatedVulnerabilities[]</c> (the NVD record of a distribution or GHSA advisory);</item>
/// <item>0.9x: adds <c>vulnerability.epss</c>, <c>vulnerability.risk</c> and <c>knownExploited</c>; exploit
/// likelihood is out of scope here (the prioritization stage joins EPSS and KEV feeds by CVE), so they are not read.</item>
/// </list>
/// </summary>
internal static class GrypeMatchMapper
{
    public const string Tool = "Grype";

    /// <returns>Null when the match names no vulnerability id.</returns>
    public static ReportedFinding? Map(JsonElement match, string? target, bool suppressed)
    {
        var vulnerability = match.Get("vulnerability") ?? default;
        var id = Identifiers.VulnerabilityId(vulnerability.Text("id"));
        if (id is null)
        {
            return null;
        }

        var related = match.Items("relatedVulnerabilities").Where(r => r.ValueKind == JsonValueKind.Object).ToList();
        var artifact = match.Get("artifact") ?? default;
        var name = ScannerText.Short(artifact.Text("name"));
        var version = ScannerText.Short(artifact.Text("version"));
        return new ReportedFinding
        {
            Kind = FindingKind.Vulnerability,
            Tool = Tool,
            Title = ScannerText.Title(name is null ? id : $"{id} in {name}") ?? id,
            Description = ScannerText.Long(vulnerability.Text("description") ?? related.Select(r => r.Text("description")).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d))),
            VulnerabilityIds = Identifiers.Distinct([id, .. related.Select(r => Identifiers.VulnerabilityId(r.Text("id")))]),
            ComponentPurl = ScannerText.Short(artifact.Text("purl")) ?? PackageEcosystems.Purl(PackageEcosystems.FromGrypeType(artifact.Text("type")), name, version),
            ComponentName = name,
            ComponentVersion = version,
            FixedVersion = FixedVersion(vulnerability),
            LocationPath = ScannerText.Short(artifact.Items("locations").Select(l => l.Text("path")).FirstOrDefault(p => !string.IsNullOrWhiteSpace(p))) ?? target,
            ToolSeverity = Rating(vulnerability, related),
            CvssVectors = Identifiers.Distinct([.. Vectors(vulnerability), .. related.SelectMany(Vectors)]),
            Suppressed = suppressed,
            Message = ScannerText.Long(vulnerability.Text("dataSource") ?? FirstUrl(vulnerability)),
        };
    }

    /// <summary>
    /// What the scan covered: the image as the user named it, or the scanned directory or file.
    /// Grype 0.24 wrote a directory target with its quotes (<c>"\".\""</c>); they are removed.
    /// </summary>
    public static string? SourceTarget(JsonElement source)
    {
        var target = source.Get("target");
        var text = target?.ValueKind == JsonValueKind.Object
            ? target.Value.Text("userInput") ?? target.Value.Text("name") ?? target.Value.Text("path") ?? target.Value.Text("imageID")
            : target?.AsText();
        return ScannerText.Short(text?.Trim().Trim('"'));
    }

    /// <summary>
    /// Grype's own rating; "Negligible" and "Unknown" are Info. A match without one (seen in 0.96 for NVD CPE
    /// matches) takes the rating of its first related record that has one.
    /// </summary>
    private static Severity Rating(JsonElement vulnerability, List<JsonElement> related) =>
        SeverityScale.Parse(vulnerability.Text("severity"))
        ?? related.Select(r => SeverityScale.Parse(r.Text("severity"))).FirstOrDefault(s => s is not null)
        ?? Severity.Info;

    /// <summary>0.2x+: <c>fix.versions[]</c> (several are joined with ", "); 0.7: <c>fixedInVersion</c>.</summary>
    private static string? FixedVersion(JsonElement vulnerability)
    {
        var versions = Identifiers.Distinct(vulnerability.Get("fix")?.Items("versions").Select(v => ScannerText.Short(v.AsText())) ?? []);
        return versions.Count > 0
            ? ScannerText.Short(string.Join(", ", versions))
            : ScannerText.Short(vulnerability.Text("fixedInVersion"));
    }

    /// <summary>0.2x+: <c>cvss[].{version, vector}</c>; 0.7: <c>cvssV2.vector</c> and <c>cvssV3.vector</c>.</summary>
    private static IEnumerable<string?> Vectors(JsonElement vulnerability)
    {
        foreach (var cvss in vulnerability.Items("cvss"))
        {
            var method = cvss.Text("version") switch
            {
                "2.0" => "CVSSv2",
                "3.0" => "CVSSv3",
                "3.1" => "CVSSv31",
                "4.0" => "CVSSv4",
                _ => null,
            };
            yield return CvssVectors.Normalize(method, cvss.Text("vector"));
        }

        yield return CvssVectors.Normalize("CVSSv2", vulnerability.Get("cvssV2")?.Text("vector"));
        yield return CvssVectors.Normalize("CVSSv3", vulnerability.Get("cvssV3")?.Text("vector"));
    }

    private static string? FirstUrl(JsonElement vulnerability) =>
        vulnerability.Items("urls").Concat(vulnerability.Items("links")).Select(u => u.AsText()).FirstOrDefault(u => !string.IsNullOrWhiteSpace(u));
}
