using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Xml.Linq;
using Rampart.Core.Ingest;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;
using Rampart.Ingest.Xml;

namespace Rampart.Ingest.Formats.DependencyCheck;

/// <summary>
/// Streams an OWASP Dependency-Check report, JSON (reportSchema 1.x) or XML (any schema version: elements are
/// matched on their local name, whatever the versioned namespace). Dependencies are read one at a time; each
/// entry of a dependency's vulnerabilities is a finding, suppressed ones included (marked suppressed).
/// </summary>
internal static class DependencyCheckReport
{
    public static async IAsyncEnumerable<ReportedFinding> ReadAsync(
        ReportInput input, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (content, isXml) = await XmlStreaming.PeekMarkupAsync(input, cancellationToken);
        var findings = isXml
            ? XmlStreaming.TranslateErrors(ReadXmlAsync(content, metadata, cancellationToken), content.FileName, cancellationToken)
            : ReadJsonAsync(content.Json(), metadata, cancellationToken);
        await foreach (var finding in findings)
        {
            yield return finding;
        }
    }

    private static async IAsyncEnumerable<ReportedFinding> ReadJsonAsync(
        JsonTokenStream json, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await json.ReadAsync(cancellationToken) || json.TokenType != JsonTokenType.StartObject)
        {
            throw NotJson(json, "the top level is not a JSON object");
        }

        metadata.Tool = DependencyCheckMapper.Tool;
        var recognized = false;
        while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
        {
            switch (name)
            {
                case "reportSchema":
                    recognized = true;
                    await json.SkipValueAsync(cancellationToken);
                    break;
                case "scanInfo":
                    recognized = true;
                    metadata.ToolVersion = ScannerText.Short((await json.ReadDetachedAsync(cancellationToken)).Text("engineVersion"));
                    break;
                case "projectInfo":
                    ReadProjectInfo(DependencyCheckNode.Of(await json.ReadDetachedAsync(cancellationToken)), metadata);
                    break;
                case "dependencies":
                    recognized = true;
                    if (!await json.ReadArrayStartAsync(name, cancellationToken))
                    {
                        break;
                    }

                    while (await json.ReadArrayItemAsync(cancellationToken) is { } dependency)
                    {
                        List<ReportedFinding> findings;
                        using (dependency)
                        {
                            findings = MapJsonDependency(json, dependency.RootElement);
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
        if (!recognized)
        {
            throw NotJson(json, "it has none of reportSchema, scanInfo or dependencies");
        }
    }

    private static List<ReportedFinding> MapJsonDependency(JsonTokenStream json, JsonElement dependency)
    {
        if (dependency.ValueKind != JsonValueKind.Object)
        {
            throw NotJson(json, $"each item of dependencies must be an object, not {dependency.ValueKind}");
        }

        var component = new DependencyCheckComponent(
            dependency.Text("fileName"),
            dependency.Text("filePath"),
            DependencyCheckMapper.BestPurl(dependency.Text("fileName"), dependency.Items("packages").Select(p => (p.Text("id"), p.Text("confidence")))));
        var findings = new List<ReportedFinding>();
        foreach (var (array, suppressed) in new[] { ("vulnerabilities", false), ("suppressedVulnerabilities", true) })
        {
            switch (dependency.Get(array))
            {
                case null:
                    break;
                case { ValueKind: JsonValueKind.Array } items:
                    foreach (var item in items.EnumerateArray())
                    {
                        if (item.ValueKind != JsonValueKind.Object)
                        {
                            throw NotJson(json, $"each item of dependencies[].{array} must be an object, not {item.ValueKind}");
                        }

                        findings.Add(DependencyCheckMapper.Map(component, DependencyCheckNode.Of(item), suppressed));
                    }

                    break;
                case { } other:
                    throw NotJson(json, $"dependencies[].{array} must be an array, not {other.ValueKind}");
            }
        }

        return findings;
    }

    private static async IAsyncEnumerable<ReportedFinding> ReadXmlAsync(
        ReportInput input, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = input.Xml();
        if (!await XmlStreaming.MoveToRootAsync(reader) || reader.LocalName != "analysis")
        {
            throw input.Invalid(
                $"not a valid Dependency-Check XML report: the root element is <{ScannerText.Short(reader.LocalName)}>, not <analysis>",
                XmlStreaming.LineOf(reader));
        }

        metadata.Tool = DependencyCheckMapper.Tool;
        if (await XmlStreaming.FirstChildAsync(reader))
        {
            do
            {
                switch (reader.LocalName)
                {
                    case "scanInfo":
                        metadata.ToolVersion = ScannerText.Short((await XmlStreaming.ReadElementAsync(reader, cancellationToken)).ChildText("engineVersion"));
                        break;
                    case "projectInfo":
                        ReadProjectInfo(DependencyCheckNode.Of(await XmlStreaming.ReadElementAsync(reader, cancellationToken)), metadata);
                        break;
                    case "dependencies":
                        if (!await XmlStreaming.FirstChildAsync(reader))
                        {
                            break;
                        }

                        do
                        {
                            if (reader.LocalName != "dependency")
                            {
                                await reader.SkipAsync();
                                continue;
                            }

                            foreach (var finding in MapXmlDependency(await XmlStreaming.ReadElementAsync(reader, cancellationToken)))
                            {
                                yield return finding;
                            }
                        }
                        while (await XmlStreaming.NextChildAsync(reader));
                        break;
                    default:
                        await reader.SkipAsync();
                        break;
                }
            }
            while (await XmlStreaming.NextChildAsync(reader));
        }

        // Read to the end so that content after the root element (or a cut-off file) is reported.
        while (await reader.ReadAsync())
        {
        }
    }

    private static IEnumerable<ReportedFinding> MapXmlDependency(XElement dependency)
    {
        var packages = dependency.Child("identifiers")?.Children("package")
            .Select(p => (p.ChildText("id"), p.Attribute("confidence")?.Value)) ?? [];
        var component = new DependencyCheckComponent(
            dependency.ChildText("fileName"), dependency.ChildText("filePath"), DependencyCheckMapper.BestPurl(dependency.ChildText("fileName"), packages));
        foreach (var entry in dependency.Child("vulnerabilities")?.Elements() ?? [])
        {
            var suppressed = string.Equals(entry.Name.LocalName, "suppressedVulnerability", StringComparison.OrdinalIgnoreCase);
            if (suppressed || string.Equals(entry.Name.LocalName, "vulnerability", StringComparison.OrdinalIgnoreCase))
            {
                yield return DependencyCheckMapper.Map(component, DependencyCheckNode.Of(entry), suppressed);
            }
        }
    }

    private static void ReadProjectInfo(DependencyCheckNode projectInfo, ReportMetadata metadata)
    {
        metadata.Scope = ScannerText.Short(projectInfo.Text("name"));
        metadata.ScanDate = ReportDates.Parse(projectInfo.Text("reportDate"));
    }

    private static ReportFormatException NotJson(JsonTokenStream json, string why) =>
        json.Invalid($"not a valid Dependency-Check JSON report: {why}");
}
