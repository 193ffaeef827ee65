using System.Runtime.CompilerServices;
using System.Text.Json;
using Rampart.Core.Ingest;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.CycloneDx;

/// <summary>
/// Streams the <c>vulnerabilities</c> of a CycloneDX 1.4–1.6 BOM, JSON or XML (the first byte decides), and lists
/// its components in <see cref="ReportMetadata.Components"/> (models and datasets also in
/// <see cref="ReportMetadata.AiAssets"/>). In JSON, components are indexed by <c>bom-ref</c> as they stream past;
/// vulnerabilities stream when metadata and components came first (the usual order), otherwise they are buffered
/// until the end of the BOM so that every <c>affects[].ref</c> can be resolved.
/// </summary>
internal static class CycloneDxReport
{
    private const int PeekLength = 64 * 1024;

    public static async IAsyncEnumerable<ReportedFinding> ReadAsync(
        ReportInput input, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (isXml, replayed) = await PeekAsync(input, cancellationToken);
        var findings = isXml
            ? CycloneDxXmlReport.ReadAsync(replayed, metadata, cancellationToken)
            : ReadJsonAsync(replayed.Json(), metadata, cancellationToken);
        await foreach (var finding in findings)
        {
            yield return finding;
        }
    }

    /// <summary>Reads up to the first byte that is not whitespace (or a UTF-8 BOM) and replays what it read.</summary>
    private static async ValueTask<(bool IsXml, ReportInput Replayed)> PeekAsync(ReportInput input, CancellationToken cancellationToken)
    {
        var buffer = new byte[PeekLength];
        var length = 0;
        var isXml = false;
        while (length < buffer.Length)
        {
            var read = await input.Content.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
            var content = buffer.AsSpan(0, length);
            if (content.Length < 3 && "\uFEFF"u8.StartsWith(content))
            {
                continue; // a byte order mark split across reads
            }

            var text = (content.StartsWith("\uFEFF"u8) ? content[3..] : content).TrimStart(" \t\r\n"u8);
            if (!text.IsEmpty)
            {
                isXml = text[0] == (byte)'<';
                break;
            }
        }

        return (isXml, new ReportInput(new PrefixedStream(buffer, length, input.Content), input.FileName));
    }

    private static async IAsyncEnumerable<ReportedFinding> ReadJsonAsync(
        JsonTokenStream json, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await json.ReadAsync(cancellationToken) || json.TokenType != JsonTokenType.StartObject)
        {
            throw NotCycloneDx(json, "the top level is not a JSON object");
        }

        var context = new CycloneDxContext(metadata);
        bool sawBomFormat = false, sawMetadata = false, sawComponents = false;
        JsonDocument? bufferedVulnerabilities = null;
        try
        {
            while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
            {
                switch (name)
                {
                    case "bomFormat":
                        var bomFormat = await json.ReadScalarAsync(cancellationToken);
                        if (!string.Equals(bomFormat, "CycloneDX", StringComparison.OrdinalIgnoreCase))
                        {
                            throw NotCycloneDx(json, $"bomFormat is \"{ScannerText.Short(bomFormat)}\"");
                        }

                        sawBomFormat = true;
                        break;
                    case "metadata":
                        sawMetadata = true;
                        context.ReadMetadata(new JsonCdxNode(await json.ReadDetachedAsync(cancellationToken)));
                        break;
                    case "components" or "services":
                        sawComponents |= name == "components";
                        if (await json.ReadArrayStartAsync(name, cancellationToken))
                        {
                            while (await json.ReadArrayItemAsync(cancellationToken) is { } item)
                            {
                                using (item)
                                {
                                    var node = new JsonCdxNode(item.RootElement);
                                    if (name == "components")
                                    {
                                        context.AddComponent(node);
                                    }
                                    else
                                    {
                                        context.AddService(node);
                                    }
                                }
                            }
                        }

                        break;
                    case "vulnerabilities" when !(sawMetadata && sawComponents):
                        bufferedVulnerabilities?.Dispose();
                        bufferedVulnerabilities = await json.ReadValueAsync(cancellationToken);
                        break;
                    case "vulnerabilities":
                        if (!await json.ReadArrayStartAsync(name, cancellationToken))
                        {
                            break;
                        }

                        while (await json.ReadArrayItemAsync(cancellationToken) is { } vulnerability)
                        {
                            List<ReportedFinding> findings;
                            using (vulnerability)
                            {
                                findings = context.Map(new JsonCdxNode(vulnerability.RootElement));
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
            if (!sawBomFormat)
            {
                throw NotCycloneDx(json, "it has no \"bomFormat\": \"CycloneDX\"");
            }

            var buffered = bufferedVulnerabilities?.RootElement;
            if (buffered is { ValueKind: not (JsonValueKind.Array or JsonValueKind.Null) })
            {
                throw NotCycloneDx(json, "vulnerabilities must be an array");
            }

            foreach (var vulnerability in buffered?.Items() ?? [])
            {
                foreach (var finding in context.Map(new JsonCdxNode(vulnerability)))
                {
                    yield return finding;
                }
            }
        }
        finally
        {
            bufferedVulnerabilities?.Dispose();
        }
    }

    private static ReportFormatException NotCycloneDx(JsonTokenStream json, string why) =>
        json.Invalid($"not a valid CycloneDX JSON report: {why}");
}
