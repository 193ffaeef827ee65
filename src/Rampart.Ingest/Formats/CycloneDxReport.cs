using System.Runtime.CompilerServices;
using System.Text.Json;
using Rampart.Core.Ingest;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats;

/// <summary>
/// Streams the <c>vulnerabilities</c> of a CycloneDX 1.4–1.6 JSON BOM. Components are indexed by <c>bom-ref</c>
/// as they stream past; vulnerabilities stream when metadata and components came first (the usual order),
/// otherwise they are buffered until the end of the BOM so that every <c>affects[].ref</c> can be resolved.
/// </summary>
internal static class CycloneDxReport
{
    public static IAsyncEnumerable<ReportedFinding> ReadAsync(ReportInput input, ReportMetadata metadata, CancellationToken cancellationToken) =>
        ReadAsync(input.Json(), metadata, cancellationToken);

    public static async IAsyncEnumerable<ReportedFinding> ReadAsync(
        JsonTokenStream json, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await json.PrefetchAsync(cancellationToken);
        if (json.Unconsumed.TrimStart(" \t\r\n"u8) is [(byte)'<', ..])
        {
            throw new ReportFormatException(json.FileName, "CycloneDX XML is not supported yet; export the report as CycloneDX JSON");
        }

        if (!await json.ReadAsync(cancellationToken) || json.TokenType != JsonTokenType.StartObject)
        {
            throw NotCycloneDx(json, "the top level is not a JSON object");
        }

        var context = new CycloneDxContext();
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
                        context.ReadMetadata(await json.ReadDetachedAsync(cancellationToken), metadata);
                        break;
                    case "components" or "services":
                        sawComponents |= name == "components";
                        if (await json.ReadArrayStartAsync(name, cancellationToken))
                        {
                            while (await json.ReadArrayItemAsync(cancellationToken) is { } component)
                            {
                                using (component)
                                {
                                    context.AddComponent(component.RootElement);
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
                                findings = context.Map(vulnerability.RootElement);
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
                foreach (var finding in context.Map(vulnerability))
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
