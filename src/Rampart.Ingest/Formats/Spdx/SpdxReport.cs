using System.Runtime.CompilerServices;
using System.Text.Json;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.Spdx;

/// <summary>
/// Reads an SPDX 2.x JSON document (2.3, and 2.2 which has the same shape): every package of <c>packages[]</c>,
/// streamed one at a time, becomes a <see cref="ReportedComponent"/>. An SBOM states no findings, with one
/// exception: an <c>externalRefs</c> entry of category SECURITY and type <c>advisory</c> is the producer saying a
/// known vulnerability applies to the package, so each CVE or GHSA id its locator names gives one vulnerability
/// finding per (package, id). Such a reference carries no severity (Info) and no aliases, so an NVD and a GitHub
/// advisory for the same flaw stay two findings.
/// Tool, version and date come from <c>creationInfo</c> ("Tool: trivy-0.50.1"); the scope is the document name.
/// </summary>
internal static class SpdxReport
{
    private const string DefaultTool = "SPDX";

    public static async IAsyncEnumerable<ReportedFinding> ReadAsync(
        ReportInput input, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var json = input.Json();
        if (!await json.ReadAsync(cancellationToken) || json.TokenType != JsonTokenType.StartObject)
        {
            throw NotSpdx(json, "the top level is not a JSON object");
        }

        var sawVersion = false;
        var sawCreationInfo = false;

        // Findings need the tool's name, which creationInfo gives; the few that come before it wait here.
        var waiting = new List<ReportedFinding>();
        while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
        {
            switch (name)
            {
                case "spdxVersion":
                    var version = await json.ReadScalarAsync(cancellationToken);
                    if (version is null || !version.StartsWith("SPDX-2.", StringComparison.OrdinalIgnoreCase))
                    {
                        throw NotSpdx(json, $"spdxVersion is \"{ScannerText.Short(version)}\"; SPDX 2.x JSON is read (SPDX 2.3 recommended)");
                    }

                    sawVersion = true;
                    break;
                case "@context" or "@graph":
                    throw json.Invalid("SPDX 3.0 is not supported yet; export SPDX 2.3 JSON");
                case "name":
                    metadata.Scope ??= ScannerText.Short(await json.ReadScalarAsync(cancellationToken));
                    break;
                case "creationInfo":
                    ReadCreationInfo(await json.ReadDetachedAsync(cancellationToken), metadata);
                    sawCreationInfo = true;
                    foreach (var finding in waiting)
                    {
                        yield return finding with { Tool = metadata.Tool ?? DefaultTool };
                    }

                    waiting.Clear();
                    break;
                case "packages":
                    if (!await json.ReadArrayStartAsync(name, cancellationToken))
                    {
                        break;
                    }

                    while (await json.ReadArrayItemAsync(cancellationToken) is { } item)
                    {
                        List<ReportedFinding> findings;
                        using (item)
                        {
                            if (item.RootElement.ValueKind != JsonValueKind.Object)
                            {
                                throw NotSpdx(json, $"each package must be an object, not {item.RootElement.ValueKind}");
                            }

                            findings = ReadPackage(item.RootElement, metadata);
                        }

                        if (!sawCreationInfo)
                        {
                            waiting.AddRange(findings);
                            continue;
                        }

                        foreach (var finding in findings)
                        {
                            yield return finding;
                        }
                    }

                    break;
                default:
                    await json.SkipValueAsync(cancellationToken);
                    break;
            }
        }

        await json.ReadEndAsync(cancellationToken);
        if (!sawVersion)
        {
            throw NotSpdx(json, "it has no \"spdxVersion\"");
        }

        foreach (var finding in waiting)
        {
            yield return finding;
        }
    }

    /// <summary>"Tool: trivy-0.50.1" → trivy 0.50.1; the first tool listed is the producer. Persons and organizations are not tools.</summary>
    private static void ReadCreationInfo(JsonElement creationInfo, ReportMetadata metadata)
    {
        metadata.ScanDate ??= ReportDates.Parse(creationInfo.Text("created"));
        var tool = creationInfo.Items("creators")
            .Select(c => c.AsText())
            .FirstOrDefault(c => c?.StartsWith("Tool:", StringComparison.OrdinalIgnoreCase) == true);
        if (tool is null || ScannerText.Short(tool["Tool:".Length..]) is not { } nameAndVersion)
        {
            return;
        }

        // SPDX 2.3 §6.8 spells it "Tool: name-version"; a name may contain hyphens ("spdx-maven-plugin"), so only a
        // last part that looks like a version (a digit, "v" and a digit, or "dev") is split off.
        var dash = nameAndVersion.LastIndexOf('-');
        var suffix = dash > 0 ? nameAndVersion[(dash + 1)..] : "";
        var isVersion = suffix.Length > 0
            && (char.IsAsciiDigit(suffix[0]) || (suffix.Length > 1 && suffix[0] is 'v' or 'V' && char.IsAsciiDigit(suffix[1])) || suffix == "dev");
        metadata.Tool ??= isVersion ? nameAndVersion[..dash] : nameAndVersion;
        metadata.ToolVersion ??= isVersion ? suffix : null;
    }

    /// <summary>Lists the package and returns its findings (advisory references), with the tool filled in when known.</summary>
    private static List<ReportedFinding> ReadPackage(JsonElement package, ReportMetadata metadata)
    {
        var references = package.Items("externalRefs").ToList();
        var name = ScannerText.Short(package.Text("name")) ?? ScannerText.Short(package.Text("SPDXID"));
        if (name is null)
        {
            return [];
        }

        var component = new ReportedComponent
        {
            Name = name,
            Version = Asserted(package.Text("versionInfo")),
            Purl = ScannerText.Short(Locator(references, "purl")),
            Cpe = ScannerText.Short(Locator(references, "cpe23Type")),
            Type = ScannerText.Short(package.Text("primaryPackagePurpose")?.ToLowerInvariant()),
            Supplier = Party(package.Text("supplier")),
            License = Asserted(package.Text("licenseConcluded")) ?? Asserted(package.Text("licenseDeclared")),
        };
        metadata.Components.Add(component);

        var advisories = references
            .Where(r => string.Equals(r.Text("referenceCategory"), "SECURITY", StringComparison.OrdinalIgnoreCase)
                && string.Equals(r.Text("referenceType"), "advisory", StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Text("referenceLocator"))
            .ToList();
        var ids = Identifiers.Distinct(advisories.SelectMany(Identifiers.VulnerabilityIdsIn));
        return
        [
            .. ids.Select(id => new ReportedFinding
            {
                Kind = FindingKind.Vulnerability,
                Tool = metadata.Tool ?? DefaultTool,
                Title = ScannerText.Title($"{id} in {name}")!,
                VulnerabilityIds = [id],
                ComponentPurl = component.Purl,
                ComponentName = name,
                ComponentVersion = component.Version,
                ToolSeverity = Severity.Info, // an advisory reference states no severity; the feeds rate it later
                Message = ScannerText.Long(
                    "SPDX security advisory reference: " + string.Join(", ", advisories.Where(a => a?.Contains(id, StringComparison.OrdinalIgnoreCase) == true))),
            }),
        ];
    }

    /// <summary>The locator of the first external reference of a type (purl, cpe23Type).</summary>
    private static string? Locator(List<JsonElement> references, string type) =>
        references.FirstOrDefault(r => string.Equals(r.Text("referenceType"), type, StringComparison.OrdinalIgnoreCase)) is { ValueKind: JsonValueKind.Object } reference
            ? reference.Text("referenceLocator")
            : null;

    /// <summary>NOASSERTION means the document says nothing.</summary>
    private static string? Asserted(string? value) =>
        string.Equals(value?.Trim(), "NOASSERTION", StringComparison.OrdinalIgnoreCase) ? null : ScannerText.Short(value);

    /// <summary>"Organization: SPDX", "Person: Jane Doe (jane@example.com)" → the party's name as written, without its kind.</summary>
    private static string? Party(string? value)
    {
        var text = Asserted(value);
        if (text is null)
        {
            return null;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && text[..colon] is "Organization" or "Person" or "Tool")
        {
            text = text[(colon + 1)..];
        }

        return ScannerText.Short(text.EndsWith("()", StringComparison.Ordinal) ? text[..^2] : text);
    }

    private static ReportFormatException NotSpdx(JsonTokenStream json, string why) =>
        json.Invalid($"not a valid SPDX JSON report: {why}");
}
