using System.Runtime.CompilerServices;
using System.Text.Json;
using Rampart.Core.Ingest;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.Grype;

/// <summary>
/// Streams a Grype JSON report (<c>grype -o json</c>, 0.7 to 0.9x): <c>{matches[], ignoredMatches[], source, distro,
/// descriptor}</c>, one finding per match. Grype writes <c>matches</c> before <c>source</c> and <c>descriptor</c>,
/// so matches stream as they come; the few without an artifact location are held back until the end, when the
/// source target they are located at is known. Ignored matches (grype's ignore rules and VEX) are read as suppressed.
/// </summary>
internal static class GrypeReport
{
    public static IAsyncEnumerable<ReportedFinding> ReadAsync(ReportInput input, ReportMetadata metadata, CancellationToken cancellationToken) =>
        ReadAsync(input.Json(), metadata, cancellationToken);

    private static async IAsyncEnumerable<ReportedFinding> ReadAsync(
        JsonTokenStream json, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await json.ReadAsync(cancellationToken) || json.TokenType != JsonTokenType.StartObject)
        {
            throw NotGrype(json, "the top level is not a JSON object");
        }

        metadata.Tool = GrypeMatchMapper.Tool;
        string? target = null;
        bool sawMatches = false, sawSource = false;
        var unlocated = new List<ReportedFinding>();
        while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
        {
            switch (name)
            {
                case "matches" or "ignoredMatches":
                    sawMatches |= name == "matches";
                    if (!await json.ReadArrayStartAsync(name, cancellationToken))
                    {
                        break;
                    }

                    while (await json.ReadArrayItemAsync(cancellationToken) is { } item)
                    {
                        ReportedFinding? finding;
                        using (item)
                        {
                            if (item.RootElement.ValueKind == JsonValueKind.Null)
                            {
                                continue;
                            }

                            if (item.RootElement.ValueKind != JsonValueKind.Object)
                            {
                                throw NotGrype(json, $"each item of {name} must be an object, not {item.RootElement.ValueKind}");
                            }

                            finding = GrypeMatchMapper.Map(item.RootElement, target, suppressed: name == "ignoredMatches");
                        }

                        if (finding is null)
                        {
                            throw NotGrype(json, $"an item of {name} has no vulnerability.id");
                        }

                        if (finding.LocationPath is null && !sawSource)
                        {
                            unlocated.Add(finding);
                        }
                        else
                        {
                            yield return finding;
                        }
                    }

                    break;
                case "source":
                    sawSource = true;
                    target = GrypeMatchMapper.SourceTarget(await json.ReadDetachedAsync(cancellationToken));
                    metadata.Scope = target;
                    break;
                case "descriptor":
                    var descriptor = await json.ReadDetachedAsync(cancellationToken);
                    metadata.ToolVersion = ScannerText.Short(descriptor.Text("version"));
                    metadata.ScanDate = ReportDates.Parse(descriptor.Text("timestamp")) ?? metadata.ScanDate;
                    break;
                default:
                    await json.SkipValueAsync(cancellationToken);
                    break;
            }
        }

        await json.ReadEndAsync(cancellationToken);
        if (!sawMatches)
        {
            throw NotGrype(json, "it has no \"matches\"");
        }

        foreach (var finding in unlocated)
        {
            yield return finding with { LocationPath = target };
        }
    }

    private static ReportFormatException NotGrype(JsonTokenStream json, string why) =>
        json.Invalid($"not a valid Grype JSON report: {why}");
}
