using System.Runtime.CompilerServices;
using System.Text.Json;
using Rampart.Core.Ingest;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats;

/// <summary>
/// Streams a Trivy JSON report in any of its shapes: SchemaVersion 2 (<c>{Results}</c>), the legacy top-level
/// array of results, the literal <c>null</c> (nothing found), and the k8s report (<c>{ClusterName, Resources}</c>).
/// Entries stream one at a time once their result's <c>Target</c> is known (Trivy writes it first); entries
/// that come before it are buffered until the end of their result.
/// </summary>
internal static class TrivyReport
{
    public static async IAsyncEnumerable<ReportedFinding> ReadAsync(
        JsonTokenStream json, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await json.ReadAsync(cancellationToken))
        {
            throw NotTrivy(json, "the file has no content");
        }

        metadata.Tool = TrivyFindingMapper.Tool;
        switch (json.TokenType)
        {
            case JsonTokenType.Null:
                break;
            case JsonTokenType.StartArray:
                while (await json.ReadObjectItemStartAsync("the report", cancellationToken))
                {
                    await foreach (var finding in ReadResultAsync(json, null, cancellationToken))
                    {
                        yield return finding;
                    }
                }

                break;
            case JsonTokenType.StartObject:
                await foreach (var finding in ReadReportObjectAsync(json, metadata, cancellationToken))
                {
                    yield return finding;
                }

                break;
            default:
                throw NotTrivy(json, "the top level is neither an object, an array nor null");
        }

        await json.ReadEndAsync(cancellationToken);
    }

    private static async IAsyncEnumerable<ReportedFinding> ReadReportObjectAsync(
        JsonTokenStream json, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var recognized = false;
        while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
        {
            switch (name)
            {
                case "ArtifactName" or "ClusterName":
                    // What was scanned (an image, a directory, a cluster) is the scan's scope. Trivy writes it first.
                    recognized = true;
                    metadata.Scope = ScannerText.Short(await json.ReadScalarAsync(cancellationToken));
                    break;
                case "SchemaVersion":
                    recognized = true;
                    await json.SkipValueAsync(cancellationToken);
                    break;
                case "CreatedAt":
                    metadata.ScanDate = ReportDates.Parse(await json.ReadScalarAsync(cancellationToken));
                    break;
                case "Trivy":
                    metadata.ToolVersion = ScannerText.Short((await json.ReadDetachedAsync(cancellationToken)).Text("Version"));
                    break;
                case "Results" or "Resources":
                    recognized = true;
                    if (!await json.ReadArrayStartAsync(name, cancellationToken))
                    {
                        break;
                    }

                    while (await json.ReadObjectItemStartAsync(name, cancellationToken))
                    {
                        var items = name == "Results"
                            ? ReadResultAsync(json, null, cancellationToken)
                            : ReadResourceAsync(json, cancellationToken);
                        await foreach (var finding in items)
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

        if (!recognized)
        {
            throw NotTrivy(json, "it has none of SchemaVersion, ArtifactName, Results, ClusterName or Resources");
        }
    }

    /// <summary>One scan target: <c>{Target, Class, Type, Vulnerabilities, Misconfigurations, Secrets}</c>.</summary>
    private static async IAsyncEnumerable<ReportedFinding> ReadResultAsync(
        JsonTokenStream json, string? prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? target = null;
        var targetKnown = false;
        var early = new List<(string Array, JsonDocument Items)>();
        try
        {
            while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
            {
                if (name == "Target")
                {
                    target = await json.ReadScalarAsync(cancellationToken);
                    targetKnown = true;
                }
                else if (!TrivyFindingMapper.IsFindingArray(name))
                {
                    await json.SkipValueAsync(cancellationToken);
                }
                else if (!targetKnown)
                {
                    early.Add((name, await json.ReadValueAsync(cancellationToken)));
                }
                else if (await json.ReadArrayStartAsync(name, cancellationToken))
                {
                    var path = TrivyFindingMapper.LocationPath(prefix, target);
                    while (await json.ReadArrayItemAsync(cancellationToken) is { } item)
                    {
                        ReportedFinding? finding;
                        using (item)
                        {
                            finding = TrivyFindingMapper.Map(name, item.RootElement, path);
                        }

                        if (finding is not null)
                        {
                            yield return finding;
                        }
                    }
                }
            }

            foreach (var (array, items) in early)
            {
                foreach (var item in items.RootElement.Items())
                {
                    if (TrivyFindingMapper.Map(array, item, TrivyFindingMapper.LocationPath(prefix, target)) is { } finding)
                    {
                        yield return finding;
                    }
                }
            }
        }
        finally
        {
            early.ForEach(e => e.Items.Dispose());
        }
    }

    /// <summary>A k8s resource: <c>{Namespace, Kind, Name, Results}</c>; its findings are located at "namespace/kind/name:target".</summary>
    private static async IAsyncEnumerable<ReportedFinding> ReadResourceAsync(
        JsonTokenStream json, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? kubernetesNamespace = null, kind = null, resourceName = null;
        JsonDocument? earlyResults = null;
        try
        {
            while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
            {
                switch (name)
                {
                    case "Namespace":
                        kubernetesNamespace = await json.ReadScalarAsync(cancellationToken);
                        break;
                    case "Kind":
                        kind = await json.ReadScalarAsync(cancellationToken);
                        break;
                    case "Name":
                        resourceName = await json.ReadScalarAsync(cancellationToken);
                        break;
                    case "Results" when kind is null || resourceName is null:
                        earlyResults?.Dispose();
                        earlyResults = await json.ReadValueAsync(cancellationToken);
                        break;
                    case "Results":
                        if (!await json.ReadArrayStartAsync("Resources[].Results", cancellationToken))
                        {
                            break;
                        }

                        var prefix = TrivyFindingMapper.KubernetesPrefix(kubernetesNamespace, kind, resourceName);
                        while (await json.ReadObjectItemStartAsync("Resources[].Results", cancellationToken))
                        {
                            await foreach (var finding in ReadResultAsync(json, prefix, cancellationToken))
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

            var late = TrivyFindingMapper.KubernetesPrefix(kubernetesNamespace, kind, resourceName);
            foreach (var result in earlyResults?.RootElement.Items() ?? [])
            {
                foreach (var finding in TrivyFindingMapper.MapResult(result, late))
                {
                    yield return finding;
                }
            }
        }
        finally
        {
            earlyResults?.Dispose();
        }
    }

    private static ReportFormatException NotTrivy(JsonTokenStream json, string why) =>
        json.Invalid($"not a valid Trivy JSON report: {why}");
}
