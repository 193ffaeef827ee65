using System.Globalization;
using System.Net;
using System.Text.Json;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Ingest.Formats.AiTaxonomy;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.Garak;

/// <summary>What garak's digest says about one probe: its tags (null when the digest does not list them), DEFCON and description.</summary>
internal sealed record GarakProbeInfo(IReadOnlyList<string>? Tags, int? Defcon, string? Description);

/// <summary>What garak's digest says about one detector of a probe: its DEFCON and description.</summary>
internal sealed record GarakDetectorInfo(int? Defcon, string? Description);

/// <summary>One probe × detector result against one target, whichever garak file it came from.</summary>
internal sealed record GarakResult(string Probe, string Detector, int Fails, int? Total)
{
    public GarakProbeInfo? ProbeInfo { get; init; }

    public GarakDetectorInfo? DetectorInfo { get; init; }

    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
}

/// <summary>Turns garak results into findings and reads the shapes its files share (targets, prompts, digests).</summary>
internal static class GarakFindingMapper
{
    public const string Tool = "garak";

    public static ReportedFinding Map(GarakResult result, string? model)
    {
        var severity = RedTeamRating.FromDefcon(result.DetectorInfo?.Defcon)
            ?? RedTeamRating.FromDefcon(result.ProbeInfo?.Defcon)
            ?? RedTeamRating.FromRate(result.Fails, result.Total);
        var (tags, cwes) = AiRiskTaxonomy.FromGarak(result.Probe, result.ProbeInfo?.Tags ?? AiRiskTaxonomy.GarakTagsOfModule(result.Probe));
        var pair = $"{result.Probe} → {result.Detector}";
        var against = model is null ? "" : $" against {model}";
        string title, message;
        if (result.Total is { } total)
        {
            title = $"{pair}: {Count(result.Fails)}/{Count(total)} attempts succeeded";
            message = $"Attack success rate {RedTeamRating.Percent(result.Fails, total)} ({Count(result.Fails)} of {Count(total)} attempts){against}.";
        }
        else
        {
            title = $"{pair}: {Count(result.Fails)} successful {(result.Fails == 1 ? "attack" : "attacks")} logged";
            message = $"{Count(result.Fails)} {(result.Fails == 1 ? "hit" : "hits")} logged{against}; the hitlog gives no attempt total, so the attack success rate is unknown.";
        }

        return new ReportedFinding
        {
            Kind = FindingKind.AiRedTeam,
            Tool = Tool,
            Title = ScannerText.Title(title) ?? pair,
            Description = Description(result),
            RuleId = ScannerText.Short($"{result.Probe}/{result.Detector}"),
            Tags = tags,
            Cwes = cwes,
            LocationPath = model,
            ToolSeverity = severity,
            Message = ScannerText.Long(message),
            Occurrences = result.Fails,
            Evidence = result.Evidence,
            AttackSuccessRate = result.Total is { } attempts && attempts > 0 ? (double)result.Fails / attempts : null,
        };
    }

    /// <summary>garak names a target "type name" (its hitlog's generator field, e.g. "huggingface gpt2"); either part may be missing.</summary>
    public static string? ModelName(string? type, string? name)
    {
        var cleanType = ScannerText.Short(type);
        var cleanName = ScannerText.Short(name);
        return cleanType is not null && cleanName is not null ? ScannerText.Short($"{cleanType} {cleanName}") : cleanName ?? cleanType;
    }

    /// <summary>The target from a "start_run setup" entry or a digest's meta.setup (target_* since 0.13, model_* before).</summary>
    public static string? ModelFromSetup(JsonElement setup) =>
        ModelName(
            setup.Text("plugins.target_type") ?? setup.Text("plugins.model_type"),
            setup.Text("plugins.target_name") ?? setup.Text("plugins.model_name"));

    /// <summary>Probe and detector names without the "probes."/"detectors." prefix some garak versions write.</summary>
    public static string? PluginName(string? name)
    {
        var clean = ScannerText.Short(name);
        if (clean is null)
        {
            return null;
        }

        foreach (var prefix in (ReadOnlySpan<string>)["probes.", "detectors.", "detector."])
        {
            if (clean.StartsWith(prefix, StringComparison.Ordinal) && clean.Length > prefix.Length)
            {
                return clean[prefix.Length..];
            }
        }

        return clean;
    }

    /// <summary>A prompt as garak writes it: a string (before 0.11) or a conversation whose last user turn is the attack.</summary>
    public static string? PromptText(JsonElement? prompt)
    {
        switch (prompt)
        {
            case { ValueKind: JsonValueKind.String } text:
                return text.GetString();
            case { ValueKind: JsonValueKind.Object } conversation:
                string? last = null, lastUser = null;
                foreach (var turn in conversation.Items("turns"))
                {
                    var text = turn.Get("content") is { } content ? OutputText(content) : null;
                    last = text ?? last;
                    if (string.Equals(turn.Text("role"), "user", StringComparison.Ordinal) && text is not null)
                    {
                        lastUser = text;
                    }
                }

                return lastUser ?? last ?? conversation.Text("text");
            default:
                return null;
        }
    }

    /// <summary>An output: a string, or a message object with "text".</summary>
    public static string? OutputText(JsonElement? output) => output switch
    {
        { ValueKind: JsonValueKind.String } text => text.AsText(),
        { ValueKind: JsonValueKind.Object } message => message.Text("text"),
        _ => null,
    };

    /// <summary>Probe and detector facts from a digest's <c>eval</c> object (group → probe → detector), for the pairs asked for.</summary>
    public static void ReadDigestEval(
        JsonElement eval,
        Func<string, string, bool> wanted,
        Dictionary<string, GarakProbeInfo> probes,
        Dictionary<(string Probe, string Detector), GarakDetectorInfo> detectors)
    {
        if (eval.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var group in eval.EnumerateObject())
        {
            if (group.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var probe in group.Value.EnumerateObject())
            {
                if (probe.Name == "_summary" || PluginName(probe.Name) is not { } probeName)
                {
                    continue;
                }

                foreach (var (detector, _, _, info) in DigestDetectors(probe.Value))
                {
                    if (wanted(probeName, detector))
                    {
                        probes.TryAdd(probeName, ProbeInfo(probe.Value));
                        detectors.TryAdd((probeName, detector), info);
                    }
                }
            }
        }
    }

    public static GarakProbeInfo ProbeInfo(JsonElement probe)
    {
        var summary = probe.Get("_summary");
        IReadOnlyList<string>? tags = summary?.Get("probe_tags") is { ValueKind: JsonValueKind.Array } list
            ? [.. list.EnumerateArray().Select(t => t.AsText()).OfType<string>()]
            : null;
        return new GarakProbeInfo(tags, summary?.Int32("probe_severity"), Html(summary?.Text("probe_descr")));
    }

    /// <summary>The detectors of a digest probe entry, with their evaluated and passed counts (null when absent).</summary>
    public static IEnumerable<(string Detector, int? Total, int? Passed, GarakDetectorInfo Info)> DigestDetectors(JsonElement probe)
    {
        if (probe.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var detector in probe.EnumerateObject())
        {
            if (detector.Name == "_summary" || detector.Value.ValueKind != JsonValueKind.Object || PluginName(detector.Name) is not { } name)
            {
                continue;
            }

            var value = detector.Value;
            var info = new GarakDetectorInfo(value.Int32("detector_defcon") ?? value.Int32("absolute_defcon"), Html(value.Text("detector_descr")));
            yield return (name, value.Int32("total_evaluated") ?? value.Int32("total"), value.Int32("passed"), info);
        }
    }

    private static string? Description(GarakResult result)
    {
        var probe = result.ProbeInfo?.Description;
        var detector = result.DetectorInfo?.Description;
        return ScannerText.Long((probe, detector) switch
        {
            ({ } p, { } d) => $"{p}\nDetector: {d}",
            ({ } p, null) => p,
            (null, { } d) => $"Detector: {d}",
            _ => null,
        });
    }

    /// <summary>The digest's descriptions are HTML-escaped ("Always Pass (for testing &amp;amp; prototyping)").</summary>
    private static string? Html(string? text) => text is null ? null : WebUtility.HtmlDecode(text);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
