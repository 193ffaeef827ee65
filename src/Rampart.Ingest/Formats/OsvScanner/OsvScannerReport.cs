using System.Runtime.CompilerServices;
using System.Text.Json;
using Rampart.Core.Ingest;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.OsvScanner;

/// <summary>
/// Streams an OSV-Scanner JSON report (<c>osv-scanner --format json</c>): <c>{results[{source, packages[]}],
/// experimental_config}</c>, one finding per (package, vulnerability). Each package entry is read whole because its
/// alias <c>groups</c> come after its <c>vulnerabilities</c>; memory is bounded by one package's entry.
/// osv-scanner writes nothing at all when it finds nothing, so empty or blank content is a report with no findings
/// (detection cannot recognize it; the format has to be named).
/// </summary>
/// <remarks>
/// <see cref="ReportMetadata.Scope"/> is the scanned lockfile or directory when the report has a single source;
/// it is cleared again when a second source appears, so it is final only once the stream has been read.
/// The JSON output names neither the tool's version nor the scan time.
/// </remarks>
internal static class OsvScannerReport
{
    public static IAsyncEnumerable<ReportedFinding> ReadAsync(ReportInput input, ReportMetadata metadata, CancellationToken cancellationToken) =>
        ReadAsync(input.Json(), metadata, cancellationToken);

    private static async IAsyncEnumerable<ReportedFinding> ReadAsync(
        JsonTokenStream json, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        metadata.Tool = OsvPackageMapper.Tool;
        await json.PrefetchAsync(cancellationToken);
        if (json.IsComplete && Utf8Check.IsBlank(json.Unconsumed))
        {
            yield break;
        }

        if (!await json.ReadAsync(cancellationToken) || json.TokenType != JsonTokenType.StartObject)
        {
            throw NotOsv(json, "the top level is not a JSON object");
        }

        var sources = new Sources(metadata);
        var sawResults = false;
        while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
        {
            if (name != "results")
            {
                await json.SkipValueAsync(cancellationToken);
                continue;
            }

            sawResults = true;
            if (!await json.ReadArrayStartAsync("results", cancellationToken))
            {
                continue;
            }

            while (await json.ReadObjectItemStartAsync("results", cancellationToken))
            {
                await foreach (var finding in ReadResultAsync(json, sources, cancellationToken))
                {
                    yield return finding;
                }
            }
        }

        await json.ReadEndAsync(cancellationToken);
        if (!sawResults)
        {
            throw NotOsv(json, "it has no \"results\"");
        }
    }

    /// <summary>One scanned source: <c>{source: {path, type}, packages[]}</c>. Packages before the source are held until its end.</summary>
    private static async IAsyncEnumerable<ReportedFinding> ReadResultAsync(
        JsonTokenStream json, Sources sources, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? path = null;
        var sawSource = false;
        var early = new List<ReportedFinding>();
        while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
        {
            switch (name)
            {
                case "source":
                    path = ScannerText.Short((await json.ReadDetachedAsync(cancellationToken)).Text("path"));
                    sawSource = true;
                    sources.Add(path);
                    break;
                case "packages":
                    if (!await json.ReadArrayStartAsync("results[].packages", cancellationToken))
                    {
                        break;
                    }

                    while (await json.ReadArrayItemAsync(cancellationToken) is { } item)
                    {
                        List<ReportedFinding> findings;
                        using (item)
                        {
                            if (item.RootElement.ValueKind == JsonValueKind.Null)
                            {
                                continue;
                            }

                            if (item.RootElement.ValueKind != JsonValueKind.Object)
                            {
                                throw NotOsv(json, $"each item of results[].packages must be an object, not {item.RootElement.ValueKind}");
                            }

                            findings = OsvPackageMapper.Map(item.RootElement, path, why => NotOsv(json, why));
                        }

                        if (sawSource)
                        {
                            foreach (var finding in findings)
                            {
                                yield return finding;
                            }
                        }
                        else
                        {
                            early.AddRange(findings);
                        }
                    }

                    break;
                default:
                    await json.SkipValueAsync(cancellationToken);
                    break;
            }
        }

        foreach (var finding in early)
        {
            yield return finding with { LocationPath = path };
        }
    }

    private static ReportFormatException NotOsv(JsonTokenStream json, string why) =>
        json.Invalid($"not a valid OSV-Scanner JSON report: {why}");

    /// <summary>Keeps <see cref="ReportMetadata.Scope"/> at the source path while there is only one.</summary>
    private sealed class Sources(ReportMetadata metadata)
    {
        private string? _first;
        private bool _many;

        public void Add(string? path)
        {
            if (_many || path is null)
            {
                return;
            }

            if (_first is null)
            {
                _first = path;
                metadata.Scope = path;
            }
            else if (!string.Equals(_first, path, StringComparison.Ordinal))
            {
                _many = true;
                metadata.Scope = null;
            }
        }
    }
}
