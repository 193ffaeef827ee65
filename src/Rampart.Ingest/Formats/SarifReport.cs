using System.Runtime.CompilerServices;
using System.Text.Json;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats;

/// <summary>
/// Streams a SARIF 2.1.0 log: every result of every run, one at a time. A run's <c>tool</c> (its rules) is kept
/// in memory; producers write it before <c>results</c>, and when one does not, that run's results are buffered.
/// </summary>
internal static class SarifReport
{
    public static async IAsyncEnumerable<ReportedFinding> ReadAsync(
        JsonTokenStream json, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await json.ReadAsync(cancellationToken) || json.TokenType != JsonTokenType.StartObject)
        {
            throw NotSarif(json, "the top level is not a JSON object");
        }

        var sawRuns = false;
        while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
        {
            if (name != "runs")
            {
                await json.SkipValueAsync(cancellationToken);
                continue;
            }

            sawRuns = true;
            if (!await json.ReadArrayStartAsync("runs", cancellationToken))
            {
                continue; // §3.13.4: null when the tool failed to start
            }

            while (await json.ReadObjectItemStartAsync("runs", cancellationToken))
            {
                await foreach (var finding in ReadRunAsync(json, metadata, cancellationToken))
                {
                    yield return finding;
                }
            }
        }

        await json.ReadEndAsync(cancellationToken);
        if (!sawRuns)
        {
            throw NotSarif(json, "it has no \"runs\" array");
        }
    }

    private static async IAsyncEnumerable<ReportedFinding> ReadRunAsync(
        JsonTokenStream json, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        SarifRun? run = null;
        JsonDocument? bufferedResults = null;
        try
        {
            while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
            {
                switch (name)
                {
                    case "tool":
                        run = new SarifRun(await json.ReadDetachedAsync(cancellationToken));
                        if (metadata.Tool is null)
                        {
                            metadata.Tool = run.ToolName;
                            metadata.ToolVersion = run.ToolVersion;
                        }

                        break;
                    case "results" when run is null:
                        bufferedResults?.Dispose();
                        bufferedResults = await json.ReadValueAsync(cancellationToken);
                        break;
                    case "results":
                        if (!await json.ReadArrayStartAsync("runs[].results", cancellationToken))
                        {
                            break;
                        }

                        while (await json.ReadArrayItemAsync(cancellationToken) is { } document)
                        {
                            var finding = Map(json, document, run);
                            if (finding is not null)
                            {
                                yield return finding;
                            }
                        }

                        break;
                    case "automationDetails":
                        metadata.Scope ??= Scope((await json.ReadDetachedAsync(cancellationToken)).Text("id"));
                        break;
                    case "invocations":
                        var invocations = await json.ReadDetachedAsync(cancellationToken);
                        metadata.ScanDate ??= invocations.Items()
                            .Select(i => ReportDates.Parse(i.Text("startTimeUtc") ?? i.Text("endTimeUtc")))
                            .FirstOrDefault(date => date is not null);
                        break;
                    default:
                        await json.SkipValueAsync(cancellationToken);
                        break;
                }
            }

            if (bufferedResults is null || bufferedResults.RootElement.ValueKind == JsonValueKind.Null)
            {
                yield break;
            }

            if (bufferedResults.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw NotSarif(json, "runs[].results must be an array");
            }

            foreach (var result in bufferedResults.RootElement.EnumerateArray())
            {
                if (SarifResultMapper.Map(result, run ?? SarifRun.WithoutTool) is { } finding)
                {
                    yield return finding;
                }
            }
        }
        finally
        {
            bufferedResults?.Dispose();
        }
    }

    /// <summary>
    /// §3.17.4: <c>automationDetails.id</c> is "category/instance" (e.g. "nightly-scan/api/2024-05-01"); the category
    /// names what the scan covers, the instance names one run of it, so the scope is the part before the last '/'.
    /// An id without '/' is taken whole: as a scope, an instance id alone would make every scan its own scope.
    /// </summary>
    private static string? Scope(string? id)
    {
        var text = id?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var slash = text.LastIndexOf('/');
        return ScannerText.Short((slash > 0 ? text[..slash] : text).Trim('/'));
    }

    private static ReportedFinding? Map(JsonTokenStream json, JsonDocument document, SarifRun run)
    {
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw NotSarif(json, "each result must be an object");
            }

            return SarifResultMapper.Map(document.RootElement, run);
        }
    }

    private static ReportFormatException NotSarif(JsonTokenStream json, string why) =>
        json.Invalid($"not a valid {ReportFormat.Sarif} 2.1.0 report: {why}");
}
