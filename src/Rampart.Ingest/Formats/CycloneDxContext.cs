using System.Text.Json;
using System.Text.RegularExpressions;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats;

/// <summary>What a CycloneDX BOM says once (tool, components by bom-ref) and how its vulnerabilities map to findings.</summary>
internal sealed partial class CycloneDxContext
{
    private const string DefaultTool = "CycloneDX";

    private readonly Dictionary<string, Component> _components = new(StringComparer.Ordinal);
    private string _tool = DefaultTool;

    /// <summary>CycloneDX 1.4 writes <c>metadata.tools</c> as an array of tools; 1.5+ as <c>{components, services}</c>.</summary>
    public void ReadMetadata(JsonElement bomMetadata, ReportMetadata metadata)
    {
        metadata.ScanDate ??= ReportDates.Parse(bomMetadata.Text("timestamp"));
        var tools = bomMetadata.Get("tools");
        var tool = tools?.ValueKind == JsonValueKind.Array
            ? tools.Value.Items().FirstOrDefault()
            : tools?.Items("components").Concat(tools.Value.Items("services")).FirstOrDefault();
        if (ScannerText.Short(tool?.Text("name")) is { } name)
        {
            _tool = name;
            metadata.Tool ??= name;
            metadata.ToolVersion ??= ScannerText.Short(tool?.Text("version"));
        }

        if (bomMetadata.Get("component") is { } subject)
        {
            AddComponent(subject);
        }
    }

    /// <summary>Indexes a component (or service) and its nested components by bom-ref.</summary>
    public void AddComponent(JsonElement component)
    {
        if (component.Text("bom-ref") is { } reference)
        {
            _components.TryAdd(reference, new Component(
                ScannerText.Short(component.Text("purl")),
                ScannerText.Short(component.Text("name")),
                ScannerText.Short(component.Text("version"))));
        }

        foreach (var child in component.Items("components").Concat(component.Items("services")))
        {
            AddComponent(child);
        }
    }

    /// <summary>One finding per <c>affects[].ref</c>; one without component when nothing is listed as affected.</summary>
    public List<ReportedFinding> Map(JsonElement vulnerability)
    {
        var id = Identifiers.VulnerabilityId(vulnerability.Text("id"));
        var ratings = vulnerability.Items("ratings").ToList();
        var recommendation = vulnerability.Text("recommendation");
        var analysis = vulnerability.Get("analysis");
        var template = new ReportedFinding
        {
            Kind = FindingKind.Vulnerability,
            Tool = _tool,
            Title = id ?? "CycloneDX vulnerability",
            Description = ScannerText.Long(vulnerability.Text("description") ?? vulnerability.Text("detail")),
            VulnerabilityIds = Identifiers.Distinct(vulnerability.Items("references").Select(r => Identifiers.VulnerabilityId(r.Text("id"))).Prepend(id)),
            Cwes = Identifiers.Distinct(vulnerability.Items("cwes").Select(c => Identifiers.Cwe(c.AsText()))),
            ToolSeverity = ratings.Select(RatingSeverity).Max() ?? Severity.Info,
            CvssVectors = Identifiers.Distinct(ratings.Select(r => CvssVectors.Normalize(r.Text("method"), r.Text("vector")))),
            // VEX (CycloneDX 1.4 §analysis): the producer states the product is not affected.
            Suppressed = analysis?.Text("state") is "not_affected" or "false_positive",
            Message = ScannerText.Long(AnalysisText(analysis) ?? recommendation),
        };

        var affects = vulnerability.Items("affects").ToList();
        if (affects.Count == 0)
        {
            return [template with { FixedVersion = VersionIn(recommendation) }];
        }

        var findings = new List<ReportedFinding>(affects.Count);
        foreach (var affected in affects)
        {
            var reference = ScannerText.Short(affected.Text("ref"));
            // A ref missing from the components is often a purl itself: keep the package it names.
            var component = reference is null ? null : _components.GetValueOrDefault(reference)
                ?? (PackageUrl.TryParse(reference) is { } purl ? new Component(purl.Purl, purl.Name, purl.Version) : null);
            findings.Add(template with
            {
                Title = ScannerText.Title(component?.Name is { } name ? $"{template.Title} in {name}" : template.Title)!,
                ComponentPurl = component?.Purl,
                ComponentName = component?.Name,
                ComponentVersion = component?.Version,
                LocationPath = component is null ? reference : null, // keeps unresolved refs apart
                FixedVersion = VersionIn(recommendation) ?? UnaffectedVersion(affected),
            });
        }

        return findings;
    }

    /// <summary>The rating's word, or its score when the word is absent or "unknown".</summary>
    private static Severity? RatingSeverity(JsonElement rating)
    {
        var word = rating.Text("severity");
        var fromWord = string.Equals(word, "unknown", StringComparison.OrdinalIgnoreCase) ? null : SeverityScale.Parse(word);
        return fromWord ?? (rating.Get("score") is { ValueKind: JsonValueKind.Number } score ? SeverityScale.FromScore(score.GetDouble()) : SeverityScale.Parse(word));
    }

    private static string? AnalysisText(JsonElement? analysis)
    {
        if (analysis?.Text("state") is not { } state)
        {
            return null;
        }

        var justification = analysis.Value.Text("justification") is { } j ? $" ({j})" : "";
        var detail = analysis.Value.Text("detail") is { } d ? $": {d}" : "";
        return $"VEX analysis: {state}{justification}{detail}";
    }

    private static string? VersionIn(string? recommendation) =>
        recommendation is not null && StatedVersion().Match(recommendation) is { Success: true } match ? ScannerText.Short(match.Groups["v"].Value) : null;

    private static string? UnaffectedVersion(JsonElement affected) =>
        ScannerText.Short(affected.Items("versions").FirstOrDefault(v => v.Text("status") == "unaffected").Text("version"));

    /// <summary>"Upgrade jquery to version 3.4.0", "Upgrade to 2.17.1 or later".</summary>
    [GeneratedRegex(@"\b(?:to\s+version|version|to|>=)\s+v?(?<v>\d[\w.+~:-]*\w|\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatedVersion();

    private sealed record Component(string? Purl, string? Name, string? Version);
}
