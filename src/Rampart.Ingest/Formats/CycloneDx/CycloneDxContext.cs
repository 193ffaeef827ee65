using System.Globalization;
using System.Text.RegularExpressions;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.CycloneDx;

/// <summary>
/// What a CycloneDX BOM says once (tool, subject, components by bom-ref) and how its vulnerabilities map to
/// findings; the same for the JSON and the XML encoding.
/// </summary>
internal sealed partial class CycloneDxContext(ReportMetadata metadata)
{
    private const string DefaultTool = "CycloneDX";

    private readonly Dictionary<string, Component> _components = new(StringComparer.Ordinal);
    private string _tool = DefaultTool;

    /// <summary>CycloneDX 1.4 writes <c>metadata.tools</c> as a list of tools; 1.5+ as <c>{components, services}</c>.</summary>
    public void ReadMetadata(CdxNode bomMetadata)
    {
        metadata.ScanDate ??= ReportDates.Parse(bomMetadata.Text("timestamp"));
        var tools = bomMetadata.Get("tools");
        var tool = bomMetadata.Items("tools").FirstOrDefault(t => t.ItemName is null or "tool") // 1.4: JSON array, XML <tool>
            ?? tools?.Items("components").Concat(tools.Items("services")).FirstOrDefault();
        if (ScannerText.Short(tool?.Text("name")) is { } name)
        {
            _tool = name;
            metadata.Tool ??= name;
            metadata.ToolVersion ??= ScannerText.Short(tool?.Text("version"));
        }

        if (bomMetadata.Get("component") is { } subject)
        {
            // The BOM's subject (the image, application or model scanned) is the scope; it is not part of its own inventory.
            metadata.Scope ??= ScannerText.Short(subject.Text("name"));
            AddComponent(subject, isSubject: true);
        }
    }

    /// <summary>
    /// Indexes a component and its nested components by bom-ref, and lists each in the report's inventory
    /// (models and datasets also as AI assets). The subject itself is indexed but not listed as a component.
    /// </summary>
    public void AddComponent(CdxNode component, bool isSubject = false)
    {
        var name = CycloneDxInventory.Name(component);
        if (component.Text("bom-ref") is { } reference)
        {
            _components.TryAdd(reference, new Component(
                ScannerText.Short(component.Text("purl")),
                ScannerText.Short(component.Text("name")),
                ScannerText.Short(component.Text("version"))));
        }

        if (!isSubject && CycloneDxInventory.ToComponent(component, name) is { } listed)
        {
            metadata.Components.Add(listed);
        }

        if (CycloneDxInventory.ToAiAsset(component, name, DatasetName) is { } asset)
        {
            metadata.AiAssets.Add(asset);
        }

        foreach (var child in component.Items("components"))
        {
            AddComponent(child);
        }
    }

    /// <summary>Indexes a service and its nested services by bom-ref; services are not inventory.</summary>
    public void AddService(CdxNode service)
    {
        if (service.Text("bom-ref") is { } reference)
        {
            _components.TryAdd(reference, new Component(null, ScannerText.Short(service.Text("name")), ScannerText.Short(service.Text("version"))));
        }

        foreach (var child in service.Items("services"))
        {
            AddService(child);
        }
    }

    /// <summary>One finding per <c>affects[].ref</c>; one without component when nothing is listed as affected.</summary>
    public List<ReportedFinding> Map(CdxNode vulnerability)
    {
        var id = Identifiers.VulnerabilityId(vulnerability.Text("id"));
        var ratings = vulnerability.Items("ratings").ToList();
        var recommendation = vulnerability.Text("recommendation");
        var analysis = vulnerability.Get("analysis");
        var state = analysis?.Text("state");
        var template = new ReportedFinding
        {
            Kind = FindingKind.Vulnerability,
            Tool = _tool,
            Title = id ?? "CycloneDX vulnerability",
            Description = ScannerText.Long(vulnerability.Text("description") ?? vulnerability.Text("detail")),
            VulnerabilityIds = Identifiers.Distinct(vulnerability.Items("references").Select(r => Identifiers.VulnerabilityId(r.Text("id"))).Prepend(id)),
            Cwes = Identifiers.Distinct(vulnerability.Texts("cwes").Select(Identifiers.Cwe)),
            ToolSeverity = ratings.Select(RatingSeverity).Max() ?? Severity.Info,
            CvssVectors = Identifiers.Distinct(ratings.Select(r => CvssVectors.Normalize(r.Text("method"), r.Text("vector")))),
            // VEX (CycloneDX 1.4 §analysis): the producer states the product is not affected.
            Suppressed = state is "not_affected" or "false_positive",
            AnalysisStatus = state switch
            {
                "not_affected" => FindingStatus.NotAffected,
                "false_positive" => FindingStatus.FalsePositive,
                "resolved" or "resolved_with_pedigree" => FindingStatus.Fixed,
                _ => null, // exploitable, in_triage: the finding is open, which is what the import assumes anyway
            },
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

    /// <summary>A model card's dataset reference, named after the component it points to when that came first.</summary>
    private string? DatasetName(string reference) => _components.GetValueOrDefault(reference)?.Name ?? reference;

    /// <summary>The rating's word, or its score when the word is absent or "unknown".</summary>
    private static Severity? RatingSeverity(CdxNode rating)
    {
        var word = rating.Text("severity");
        var fromWord = string.Equals(word, "unknown", StringComparison.OrdinalIgnoreCase) ? null : SeverityScale.Parse(word);
        return fromWord ?? (Score(rating) is { } score ? SeverityScale.FromScore(score) : SeverityScale.Parse(word));
    }

    /// <summary>Lenient: a score outside CVSS's 0–10 is ignored rather than read as critical.</summary>
    private static double? Score(CdxNode rating) =>
        double.TryParse(rating.Text("score"), NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && score is >= 0 and <= 10
            ? score
            : null;

    private static string? AnalysisText(CdxNode? analysis)
    {
        if (analysis?.Text("state") is not { } state)
        {
            return null;
        }

        var justification = analysis.Text("justification") is { } j ? $" ({j})" : "";
        var detail = analysis.Text("detail") is { } d ? $": {d}" : "";
        return $"VEX analysis: {state}{justification}{detail}";
    }

    private static string? VersionIn(string? recommendation) =>
        recommendation is not null && StatedVersion().Match(recommendation) is { Success: true } match ? ScannerText.Short(match.Groups["v"].Value) : null;

    private static string? UnaffectedVersion(CdxNode affected) =>
        ScannerText.Short(affected.Items("versions").FirstOrDefault(v => v.Text("status") == "unaffected")?.Text("version"));

    /// <summary>"Upgrade jquery to version 3.4.0", "Upgrade to 2.17.1 or later".</summary>
    [GeneratedRegex(@"\b(?:to\s+version|version|to|>=)\s+v?(?<v>\d[\w.+~:-]*\w|\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatedVersion();

    private sealed record Component(string? Purl, string? Name, string? Version);
}
