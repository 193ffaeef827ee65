using System.Runtime.CompilerServices;
using System.Text.Json;
using Rampart.Core.Ingest;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.Garak;

/// <summary>
/// Streams garak's digest JSON (written on its own since 0.15: <c>{entry_type: "digest", meta, eval,
/// technique_intent_matrix}</c>). <c>eval</c> holds group → probe → detector results with total_evaluated and
/// passed; each detector with passed below total_evaluated is a finding (fails = the difference). Probes are read
/// one at a time. The digest keeps no attempts, so its findings have no examples.
/// </summary>
internal static class GarakDigest
{
    public static async IAsyncEnumerable<ReportedFinding> ReadAsync(
        JsonTokenStream json, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await json.ReadAsync(cancellationToken) || json.TokenType != JsonTokenType.StartObject)
        {
            throw json.Invalid("not a garak digest: the document is not an object");
        }

        string? entryType = null;
        string? model = null;
        var metaSeen = false;
        var early = new List<GarakResult>();
        while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
        {
            switch (name)
            {
                case "entry_type":
                    entryType = await json.ReadScalarAsync(cancellationToken);
                    if (entryType != "digest")
                    {
                        throw json.Invalid($"a garak JSON document must be a digest (entry_type \"digest\"), not \"{ScannerText.Short(entryType)}\"");
                    }

                    break;
                case "meta":
                    var meta = await json.ReadDetachedAsync(cancellationToken);
                    metaSeen = true;
                    metadata.ToolVersion = ScannerText.Short(meta.Text("garak_version")) ?? (meta.Get("setup") is { } s ? ScannerText.Short(s.Text("_config.version")) : null);
                    metadata.ScanDate = ReportDates.Parse(meta.Text("start_time"));
                    model = GarakFindingMapper.ModelName(meta.Text("target_type"), meta.Text("target_name"))
                        ?? (meta.Get("setup") is { } setup ? GarakFindingMapper.ModelFromSetup(setup) : null);
                    metadata.Scope = model;
                    break;
                case "eval":
                    if (!await json.ReadAsync(cancellationToken) || json.TokenType is not (JsonTokenType.StartObject or JsonTokenType.Null))
                    {
                        throw json.Invalid("the digest's eval must be an object");
                    }

                    if (json.TokenType == JsonTokenType.Null)
                    {
                        break;
                    }

                    await foreach (var result in ReadEvalAsync(json, cancellationToken))
                    {
                        if (metaSeen)
                        {
                            yield return GarakFindingMapper.Map(result, model);
                        }
                        else
                        {
                            early.Add(result); // the target is named in meta, which has not come yet
                        }
                    }

                    break;
                default:
                    await json.SkipValueAsync(cancellationToken);
                    break;
            }
        }

        await json.ReadEndAsync(cancellationToken);
        if (entryType is null)
        {
            throw json.Invalid("not a garak digest: it has no entry_type");
        }

        foreach (var result in early)
        {
            yield return GarakFindingMapper.Map(result, model);
        }
    }

    /// <summary>Inside <c>eval</c>: each group is an object of probes (and its "_summary"); each probe is read as one document.</summary>
    private static async IAsyncEnumerable<GarakResult> ReadEvalAsync(JsonTokenStream json, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await json.ReadPropertyNameAsync(cancellationToken) is not null)
        {
            if (!await json.ReadAsync(cancellationToken) || json.TokenType != JsonTokenType.StartObject)
            {
                throw json.Invalid("each probe group of the digest's eval must be an object");
            }

            while (await json.ReadPropertyNameAsync(cancellationToken) is { } probeName)
            {
                if (probeName == "_summary" || GarakFindingMapper.PluginName(probeName) is not { } probe)
                {
                    await json.SkipValueAsync(cancellationToken);
                    continue;
                }

                using var document = await json.ReadValueAsync(cancellationToken);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw json.Invalid($"the digest entry of probe {probe} must be an object");
                }

                var probeInfo = GarakFindingMapper.ProbeInfo(root);
                foreach (var (detector, total, passed, info) in GarakFindingMapper.DigestDetectors(root))
                {
                    // Lenient: a detector without both counts, or with absurd ones, is not a finding.
                    if (total is > 0 && passed is >= 0 && passed < total)
                    {
                        yield return new GarakResult(probe, detector, total.Value - passed.Value, total) { ProbeInfo = probeInfo, DetectorInfo = info };
                    }
                }
            }
        }
    }
}
