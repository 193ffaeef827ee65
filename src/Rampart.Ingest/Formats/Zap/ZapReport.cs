using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Xml;
using Rampart.Core.Ingest;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;
using Rampart.Ingest.Xml;

namespace Rampart.Ingest.Formats.Zap;

/// <summary>
/// Streams an OWASP ZAP "traditional" report, JSON (<c>{"@version", "@generated", "site": [{"@name", "alerts"}]}</c>)
/// or XML (<c>&lt;OWASPZAPReport&gt;&lt;site&gt;&lt;alerts&gt;&lt;alertitem&gt;</c>, with or without requests and
/// responses). Each alert of a site is one finding, located at the site; its instances are read one at a time.
/// </summary>
internal static class ZapReport
{
    public static async IAsyncEnumerable<ReportedFinding> ReadAsync(
        ReportInput input, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (content, isXml) = await XmlStreaming.PeekMarkupAsync(input, cancellationToken);
        var sites = new SiteScope(metadata);
        var findings = isXml
            ? XmlStreaming.TranslateErrors(ReadXmlAsync(content, metadata, sites, cancellationToken), content.FileName, cancellationToken)
            : ReadJsonAsync(content.Json(), metadata, sites, cancellationToken);
        await foreach (var finding in findings)
        {
            yield return finding;
        }
    }

    private static async IAsyncEnumerable<ReportedFinding> ReadJsonAsync(
        JsonTokenStream json, ReportMetadata metadata, SiteScope sites, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await json.ReadAsync(cancellationToken) || json.TokenType != JsonTokenType.StartObject)
        {
            throw NotJson(json, "the top level is not a JSON object");
        }

        metadata.Tool = ZapAlert.Tool;
        var recognized = false;
        while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
        {
            switch (name)
            {
                case "@version":
                    recognized = true;
                    metadata.ToolVersion = ScannerText.Short(await json.ReadScalarAsync(cancellationToken));
                    break;
                case "@generated":
                    metadata.ScanDate = ZapText.ParseGenerated(await json.ReadScalarAsync(cancellationToken));
                    break;
                case "site":
                    recognized = true;
                    if (!await json.ReadAsync(cancellationToken))
                    {
                        throw json.Invalid("the file ends before site");
                    }

                    switch (json.TokenType)
                    {
                        case JsonTokenType.Null:
                            break;
                        case JsonTokenType.StartObject:
                            await foreach (var finding in ReadJsonSiteAsync(json, sites, cancellationToken))
                            {
                                yield return finding;
                            }

                            break;
                        case JsonTokenType.StartArray:
                            while (await json.ReadObjectItemStartAsync("site", cancellationToken))
                            {
                                await foreach (var finding in ReadJsonSiteAsync(json, sites, cancellationToken))
                                {
                                    yield return finding;
                                }
                            }

                            break;
                        default:
                            throw NotJson(json, $"site must be an array, not {json.TokenType}");
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
            throw NotJson(json, "it has neither \"@version\" nor \"site\"");
        }
    }

    /// <summary>A site: <c>{"@name", "@host", "@port", "@ssl", "alerts"}</c>. Alerts before "@name" wait for it.</summary>
    private static async IAsyncEnumerable<ReportedFinding> ReadJsonSiteAsync(
        JsonTokenStream json, SiteScope sites, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? site = null;
        var siteKnown = false;
        var early = new List<ZapAlert>();
        while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
        {
            switch (name)
            {
                case "@name":
                    site = await json.ReadScalarAsync(cancellationToken);
                    siteKnown = true;
                    sites.Add(site);
                    break;
                case "alerts":
                    if (!await json.ReadArrayStartAsync("site[].alerts", cancellationToken))
                    {
                        break;
                    }

                    while (await json.ReadObjectItemStartAsync("site[].alerts", cancellationToken))
                    {
                        var alert = await ReadJsonAlertAsync(json, cancellationToken);
                        if (siteKnown)
                        {
                            yield return alert.ToFinding(site);
                        }
                        else
                        {
                            early.Add(alert);
                        }
                    }

                    break;
                default:
                    await json.SkipValueAsync(cancellationToken);
                    break;
            }
        }

        foreach (var alert in early)
        {
            yield return alert.ToFinding(site);
        }
    }

    private static async ValueTask<ZapAlert> ReadJsonAlertAsync(JsonTokenStream json, CancellationToken cancellationToken)
    {
        var alert = new ZapAlert();
        while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
        {
            switch (name)
            {
                case "instances":
                    if (!await json.ReadArrayStartAsync("alerts[].instances", cancellationToken))
                    {
                        break;
                    }

                    while (await json.ReadArrayItemAsync(cancellationToken) is { } instance)
                    {
                        using (instance)
                        {
                            var item = instance.RootElement;
                            if (item.ValueKind == JsonValueKind.Object) // anything else says nothing: ignored (lenient reading)
                            {
                                alert.AddInstance(item.Text("method"), item.Text("uri"), item.Text("param"), item.Text("attack"), item.Text("evidence"));
                            }
                        }
                    }

                    break;
                case "tags":
                    AddJsonTags(alert, await json.ReadDetachedAsync(cancellationToken));
                    break;
                default:
                    alert.Set(name, await json.ReadScalarAsync(cancellationToken));
                    break;
            }
        }

        return alert;
    }

    /// <summary>Tags as an object keyed by tag (value: its link) or as an array of <c>{"tag", "link"}</c> or strings.</summary>
    private static void AddJsonTags(ZapAlert alert, JsonElement tags)
    {
        if (tags.ValueKind == JsonValueKind.Object)
        {
            foreach (var tag in tags.EnumerateObject())
            {
                alert.AddTag(tag.Name);
            }
        }

        foreach (var tag in tags.Items())
        {
            alert.AddTag(tag.ValueKind == JsonValueKind.Object ? tag.Text("tag") : tag.AsText());
        }
    }

    private static async IAsyncEnumerable<ReportedFinding> ReadXmlAsync(
        ReportInput input, ReportMetadata metadata, SiteScope sites, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = input.Xml();
        if (!await XmlStreaming.MoveToRootAsync(reader) || reader.LocalName != "OWASPZAPReport")
        {
            throw input.Invalid(
                $"not a valid ZAP XML report: the root element is <{ScannerText.Short(reader.LocalName)}>, not <OWASPZAPReport>",
                XmlStreaming.LineOf(reader));
        }

        metadata.Tool = ZapAlert.Tool;
        metadata.ToolVersion = ScannerText.Short(reader.GetAttribute("version"));
        metadata.ScanDate = ZapText.ParseGenerated(reader.GetAttribute("generated"));
        if (await XmlStreaming.FirstChildAsync(reader))
        {
            do
            {
                if (reader.LocalName != "site")
                {
                    await reader.SkipAsync();
                    continue;
                }

                var site = reader.GetAttribute("name");
                sites.Add(site);

                await foreach (var finding in ReadXmlSiteAsync(reader, site, cancellationToken))
                {
                    yield return finding;
                }
            }
            while (await XmlStreaming.NextChildAsync(reader));
        }

        // Read to the end so that content after the root element (or a cut-off file) is reported.
        while (await reader.ReadAsync())
        {
        }
    }

    private static async IAsyncEnumerable<ReportedFinding> ReadXmlSiteAsync(
        XmlReader reader, string? site, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await XmlStreaming.FirstChildAsync(reader))
        {
            yield break;
        }

        do
        {
            if (reader.LocalName != "alerts")
            {
                await reader.SkipAsync();
                continue;
            }

            if (!await XmlStreaming.FirstChildAsync(reader))
            {
                continue; // <alerts/> or <alerts></alerts>
            }

            do
            {
                if (reader.LocalName != "alertitem")
                {
                    await reader.SkipAsync();
                    continue;
                }

                yield return (await ReadXmlAlertAsync(reader, cancellationToken)).ToFinding(site);
            }
            while (await XmlStreaming.NextChildAsync(reader));
        }
        while (await XmlStreaming.NextChildAsync(reader));
    }

    /// <summary>One <c>alertitem</c>: its fields are small elements; its instances are read one at a time.</summary>
    private static async ValueTask<ZapAlert> ReadXmlAlertAsync(XmlReader reader, CancellationToken cancellationToken)
    {
        var alert = new ZapAlert();
        if (!await XmlStreaming.FirstChildAsync(reader))
        {
            return alert;
        }

        do
        {
            switch (reader.LocalName)
            {
                case "instances":
                    if (!await XmlStreaming.FirstChildAsync(reader))
                    {
                        break;
                    }

                    do
                    {
                        if (reader.LocalName != "instance")
                        {
                            await reader.SkipAsync();
                            continue;
                        }

                        var instance = await XmlStreaming.ReadElementAsync(reader, cancellationToken);
                        alert.AddInstance(
                            instance.ChildText("method"), instance.ChildText("uri"), instance.ChildText("param"),
                            instance.ChildText("attack"), instance.ChildText("evidence"));
                    }
                    while (await XmlStreaming.NextChildAsync(reader));
                    break;
                case "tags":
                    foreach (var tag in (await XmlStreaming.ReadElementAsync(reader, cancellationToken)).Children("tag"))
                    {
                        alert.AddTag(tag.HasElements ? tag.ChildText("tag") : tag.Value);
                    }

                    break;
                default:
                    var field = reader.LocalName;
                    alert.Set(field, (await XmlStreaming.ReadElementAsync(reader, cancellationToken)).Value);
                    break;
            }
        }
        while (await XmlStreaming.NextChildAsync(reader));
        return alert;
    }

    private static ReportFormatException NotJson(JsonTokenStream json, string why) =>
        json.Invalid($"not a valid ZAP JSON report: {why}");

    /// <summary>What the scan covered is its site when the report has just one; with several there is no single scope.</summary>
    private sealed class SiteScope(ReportMetadata metadata)
    {
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);

        public void Add(string? name)
        {
            if (name is not null && _names.Add(name))
            {
                metadata.Scope = _names.Count == 1 ? ScannerText.Short(name) : null;
            }
        }
    }
}
