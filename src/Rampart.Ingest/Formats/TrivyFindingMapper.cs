using System.Text.Json;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats;

/// <summary>Maps the entries of one Trivy result (a scan target) to findings.</summary>
internal static class TrivyFindingMapper
{
    public const string Tool = "Trivy";

    /// <summary>The arrays of a Trivy result that hold findings.</summary>
    public static bool IsFindingArray(string name) => name is "Vulnerabilities" or "Misconfigurations" or "Secrets";

    /// <summary>The path a result's findings are located at: the target, prefixed with "namespace/kind/name:" in k8s reports.</summary>
    public static string? LocationPath(string? prefix, string? target) =>
        ScannerText.Short(prefix is null ? target : $"{prefix}:{target}");

    public static string? KubernetesPrefix(string? kubernetesNamespace, string? kind, string? name) =>
        string.IsNullOrEmpty(kubernetesNamespace) ? $"{kind}/{name}" : $"{kubernetesNamespace}/{kind}/{name}";

    /// <summary>All findings of a result held in memory (used when its parts arrived out of order).</summary>
    public static IEnumerable<ReportedFinding> MapResult(JsonElement result, string? prefix)
    {
        var path = LocationPath(prefix, result.Text("Target"));
        foreach (var array in new[] { "Vulnerabilities", "Misconfigurations", "Secrets" })
        {
            foreach (var item in result.Items(array))
            {
                if (Map(array, item, path) is { } finding)
                {
                    yield return finding;
                }
            }
        }
    }

    /// <returns>Null for entries that are not findings (passed checks, non-objects).</returns>
    public static ReportedFinding? Map(string array, JsonElement item, string? path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return array switch
        {
            "Vulnerabilities" => Vulnerability(item, path),
            "Misconfigurations" => Misconfiguration(item, path),
            _ => Secret(item, path),
        };
    }

    private static ReportedFinding Vulnerability(JsonElement item, string? path)
    {
        var id = Identifiers.VulnerabilityId(item.Text("VulnerabilityID"));
        var package = ScannerText.Short(item.Text("PkgName"));
        return new ReportedFinding
        {
            Kind = FindingKind.Vulnerability,
            Tool = Tool,
            Title = ScannerText.Title(item.Text("Title")) ?? ScannerText.Title(package is null ? id : $"{id} in {package}") ?? "Trivy vulnerability",
            Description = ScannerText.Long(item.Text("Description")),
            VulnerabilityIds = Identifiers.Distinct([id]),
            Cwes = Identifiers.Distinct(item.Items("CweIDs").Select(c => Identifiers.Cwe(c.AsText()))),
            ComponentPurl = ScannerText.Short(item.Get("PkgIdentifier")?.Text("PURL")),
            ComponentName = package,
            ComponentVersion = ScannerText.Short(item.Text("InstalledVersion")),
            FixedVersion = ScannerText.Short(item.Text("FixedVersion")),
            LocationPath = path,
            ToolSeverity = SeverityScale.Parse(item.Text("Severity")) ?? Severity.Info,
            CvssVectors = Identifiers.Distinct(CvssVectorsOf(item)),
            Suppressed = item.Text("Status") == "not_affected",
            Message = ScannerText.Long(item.Text("PrimaryURL")),
        };
    }

    /// <summary>Trivy's CVSS map is keyed by source (nvd, ghsa, redhat…); each may carry V3Vector and V40Vector.</summary>
    private static IEnumerable<string?> CvssVectorsOf(JsonElement item)
    {
        if (item.Get("CVSS") is not { ValueKind: JsonValueKind.Object } sources)
        {
            yield break;
        }

        foreach (var source in sources.EnumerateObject())
        {
            yield return CvssVectors.Normalize(null, source.Value.Text("V3Vector"));
            yield return CvssVectors.Normalize("CVSSv4", source.Value.Text("V40Vector"));
        }
    }

    private static ReportedFinding? Misconfiguration(JsonElement item, string? path)
    {
        if (string.Equals(item.Text("Status"), "PASS", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var ruleId = ScannerText.Short(item.Text("ID") ?? item.Text("AVDID"));
        var resolution = item.Text("Resolution");
        return new ReportedFinding
        {
            Kind = FindingKind.Misconfiguration,
            Tool = Tool,
            Title = ScannerText.Title(item.Text("Title")) ?? ruleId ?? "Trivy misconfiguration",
            Description = ScannerText.Long(resolution is null ? item.Text("Description") : $"{item.Text("Description")}\n\nResolution: {resolution}"),
            RuleId = ruleId,
            LocationPath = path,
            StartLine = item.Get("CauseMetadata")?.Int32("StartLine") is > 0 and var line ? line : null,
            ToolSeverity = SeverityScale.Parse(item.Text("Severity")) ?? Severity.Info,
            Message = ScannerText.Long(item.Text("Message")),
        };
    }

    /// <summary>Only the rule and place of a secret are kept: its <c>Match</c> and <c>Code</c> hold the secret itself.</summary>
    private static ReportedFinding Secret(JsonElement item, string? path)
    {
        var ruleId = ScannerText.Short(item.Text("RuleID"));
        var title = ScannerText.Title(item.Text("Title")) ?? ruleId ?? "Secret";
        return new ReportedFinding
        {
            Kind = FindingKind.Secret,
            Tool = Tool,
            Title = title,
            RuleId = ruleId,
            LocationPath = path,
            StartLine = item.Int32("StartLine") is > 0 and var line ? line : null,
            ToolSeverity = SeverityScale.Parse(item.Text("Severity")) ?? Severity.Info,
            Message = title,
        };
    }
}
