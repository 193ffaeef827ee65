using System.Runtime.CompilerServices;
using System.Text.Json;
using Rampart.Core.Ingest;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.Promptfoo;

/// <summary>
/// Streams promptfoo's <c>eval -o results.json</c> output (results version 3, also 2):
/// <c>{evalId, results: {version, timestamp, prompts, results[], stats}, config, shareableUrl, metadata}</c>.
/// <c>results.results[]</c> is read one test result at a time; only per-group counters and at most three examples
/// per group are kept, and the findings are given at the end of the file.
/// </summary>
/// <remarks>
/// <para>Grouping: a red-team result (its metadata, or its testCase's, has a <c>pluginId</c>) belongs to the group
/// (provider id, pluginId, strategyId; strategy "basic" is the plugin's own attack and counts as none). A plain
/// eval result belongs to (provider id, prompt label): assertions differ per test, so the prompt is the unit a
/// plain eval measures. One finding per group that has failed tests: RuleId "pluginId" or "pluginId/strategyId"
/// (the prompt label for plain evals), Occurrences = failed tests, the failure rate failed / (tests in the group
/// that did not error) in the message, up to three failed tests as evidence (prompt, output, the grader's reason
/// and score).</para>
/// <para>A failed test is <c>success: false</c>; one whose failureReason is 2 (promptfoo's ERROR: the provider or
/// the grader failed, nothing was judged) is counted apart as errored, never as a successful attack.</para>
/// <para>Severity: the plugin's <c>severity</c> in the result's metadata (the highest among the group's failed
/// tests), else the failure rate: at least 50% High, at least 10% Medium, above 0 Low. Location: the provider id;
/// scope: the config's description, else the eval id.</para>
/// </remarks>
internal static class PromptfooReport
{
    public static async IAsyncEnumerable<ReportedFinding> ReadAsync(
        ReportInput input, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var json = input.Json();
        if (!await json.ReadAsync(cancellationToken))
        {
            throw NotPromptfoo(json, "the file has no content");
        }

        if (json.TokenType != JsonTokenType.StartObject)
        {
            throw NotPromptfoo(json, "the top level is not an object");
        }

        metadata.Tool = PromptfooGroups.Tool;
        string? evalId = null, description = null;
        var sawResults = false;
        var groups = new PromptfooGroups();
        while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
        {
            switch (name)
            {
                case "evalId":
                    evalId = await json.ReadScalarAsync(cancellationToken);
                    break;
                case "results":
                    sawResults = true;
                    await ReadResultsAsync(json, groups, metadata, cancellationToken);
                    break;
                case "config":
                    description = await ReadDescriptionAsync(json, cancellationToken);
                    break;
                case "metadata":
                    var meta = await json.ReadDetachedAsync(cancellationToken);
                    metadata.ToolVersion = ScannerText.Short(meta.Text("promptfooVersion"));
                    metadata.ScanDate ??= ReportDates.Parse(meta.Text("evaluationCreatedAt"));
                    break;
                default:
                    await json.SkipValueAsync(cancellationToken);
                    break;
            }
        }

        await json.ReadEndAsync(cancellationToken);
        if (!sawResults)
        {
            throw NotPromptfoo(json, "it has no results object");
        }

        metadata.Scope = ScannerText.Short(description) ?? ScannerText.Short(evalId);
        foreach (var finding in groups.Findings())
        {
            yield return finding;
        }
    }

    /// <summary>The <c>results</c> object: timestamp, and results[] streamed item by item into the groups.</summary>
    private static async ValueTask ReadResultsAsync(JsonTokenStream json, PromptfooGroups groups, ReportMetadata metadata, CancellationToken cancellationToken)
    {
        if (!await json.ReadAsync(cancellationToken))
        {
            throw json.Invalid("the file ends before results");
        }

        if (json.TokenType != JsonTokenType.StartObject)
        {
            throw NotPromptfoo(json, $"results must be an object with version, timestamp and results[], not {json.TokenType}");
        }

        while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
        {
            switch (name)
            {
                case "timestamp":
                    metadata.ScanDate = ReportDates.Parse(await json.ReadScalarAsync(cancellationToken)) ?? metadata.ScanDate;
                    break;
                case "results":
                    if (!await json.ReadArrayStartAsync("results.results", cancellationToken))
                    {
                        break;
                    }

                    while (await json.ReadArrayItemAsync(cancellationToken) is { } item)
                    {
                        using (item)
                        {
                            if (item.RootElement.ValueKind != JsonValueKind.Object)
                            {
                                throw json.Invalid($"each item of results.results must be an object, not {item.RootElement.ValueKind}");
                            }

                            if (groups.Add(item.RootElement) is { } problem)
                            {
                                throw json.Invalid(problem);
                            }
                        }
                    }

                    break;
                default:
                    await json.SkipValueAsync(cancellationToken);
                    break;
            }
        }
    }

    /// <summary>The config's description, skipping the rest of the config (its tests can be large).</summary>
    private static async ValueTask<string?> ReadDescriptionAsync(JsonTokenStream json, CancellationToken cancellationToken)
    {
        if (!await json.ReadAsync(cancellationToken))
        {
            throw json.Invalid("the file ends before config");
        }

        if (json.TokenType != JsonTokenType.StartObject)
        {
            if (json.TokenType is JsonTokenType.StartArray)
            {
                throw json.Invalid("config must be an object");
            }

            return null; // a scalar or null config says nothing
        }

        string? description = null;
        while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
        {
            if (name == "description")
            {
                description = await json.ReadScalarAsync(cancellationToken);
            }
            else
            {
                await json.SkipValueAsync(cancellationToken);
            }
        }

        return description;
    }

    private static ReportFormatException NotPromptfoo(JsonTokenStream json, string why) =>
        json.Invalid($"not a valid promptfoo results file: {why}");
}
