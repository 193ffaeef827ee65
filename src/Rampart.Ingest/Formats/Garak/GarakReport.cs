using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Rampart.Core.Ingest;
using Rampart.Ingest.Formats.AiTaxonomy;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.Garak;

/// <summary>
/// Reads garak's output: the run's <c>report.jsonl</c> (0.13, 0.14: one JSON object per line, by
/// <c>entry_type</c>), its <c>hitlog.jsonl</c> (one line per successful attack) and its digest JSON (0.15: one
/// pretty-printed object, <c>entry_type</c> "digest"). The shape is told from the first bytes: an object whose
/// opening brace ends its line is a pretty-printed digest, anything else is JSON Lines.
/// </summary>
/// <remarks>
/// <para>report.jsonl: one finding per <c>eval</c> entry with fails &gt; 0, i.e. per probe × detector against the
/// run's target ("start_run setup" <c>plugins.target_type</c> + <c>plugins.target_name</c>, model_* before 0.13),
/// Occurrences = fails, total = total_evaluated. Evidence: up to three attempts whose detector score for that
/// detector is at or above the run's eval threshold (<c>run.eval_threshold</c>, garak's default 0.5), prompt (last
/// user turn) and output; attempts come before their eval lines, so up to three examples per probe × detector are
/// kept as the file streams. The findings are given at the end of the file, once the digest line (written last)
/// could add garak's DEFCON ratings, probe tags and descriptions; memory is bounded by the number of probe ×
/// detector pairs (a run's probe catalogue), each with at most three clipped examples, never by the attempts.</para>
/// <para>Severity: garak's own DEFCON rating when its digest gives one (detector_defcon, else absolute_defcon, else
/// the probe's probe_severity; 1 Critical, 2 High, 3 Medium, 4 Low, 5 Info), otherwise the attack success rate
/// fails/total: at least 50% High, at least 10% Medium, above 0 Low. Tags: the probe_tags of the digest when it
/// lists them, else garak's tags for the probe module (see <see cref="AiRiskTaxonomy"/>).</para>
/// <para>hitlog.jsonl: every line is a hit; one finding per probe × detector × generator counting its lines (the
/// hitlog has no attempt totals, so the rate is unknown and the severity is Low, the rate rule's floor), the first
/// three hits as evidence. Digest JSON: one finding per probe × detector whose passed is below total_evaluated.</para>
/// <para>Lenient reading: an eval count that is negative is read as 0 and a total below the fails is raised to the
/// fails; lines of other entry types are skipped.</para>
/// </remarks>
internal static class GarakReport
{
    /// <summary>garak's default eval_threshold: a detector score at or above it is a failed (successful) attack.</summary>
    private const double DefaultThreshold = 0.5;

    /// <summary>No garak run has this many probe × detector pairs; a file that does is refused rather than filling memory.</summary>
    private const int MaxPairs = 100_000;

    public static async IAsyncEnumerable<ReportedFinding> ReadAsync(
        ReportInput input, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        metadata.Tool = GarakFindingMapper.Tool;
        var prefix = new byte[JsonTokenStream.PrefetchLength];
        var length = 0;
        int read;
        while (length < prefix.Length && (read = await input.Content.ReadAsync(prefix.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        var content = new PrefixedStream(prefix, length, input.Content);
        var findings = IsMultiLineObject(prefix.AsSpan(0, length))
            ? GarakDigest.ReadAsync(new JsonTokenStream(content, input.FileName), metadata, cancellationToken)
            : ReadLinesAsync(new JsonLineReader(content, input.FileName), metadata, cancellationToken);
        await foreach (var finding in findings)
        {
            yield return finding;
        }
    }

    /// <summary>True when the content opens an object and the line ends right after the brace (a pretty-printed document).</summary>
    private static bool IsMultiLineObject(ReadOnlySpan<byte> content)
    {
        var text = content[Utf8Check.BomLength(content)..].TrimStart(" \t\r\n"u8);
        if (text.IsEmpty || text[0] != (byte)'{')
        {
            return false;
        }

        var rest = text[1..].TrimStart(" \t\r"u8);
        return !rest.IsEmpty && rest[0] == (byte)'\n';
    }

    private static async IAsyncEnumerable<ReportedFinding> ReadLinesAsync(
        JsonLineReader lines, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = await lines.ReadAsync(cancellationToken) ?? throw lines.Invalid("the file is empty");
        IEnumerable<ReportedFinding> findings;
        using (first)
        {
            var root = first.RootElement;
            if (root.Get("entry_type") is not null)
            {
                var run = new RunState();
                run.Read(root, lines);
                while (await lines.ReadAsync(cancellationToken) is { } line)
                {
                    using (line)
                    {
                        run.Read(line.RootElement, lines);
                    }
                }

                findings = run.Findings(metadata);
            }
            else if (root.Get("probe") is not null && root.Get("detector") is not null)
            {
                var hits = new HitlogState();
                hits.Read(root, lines);
                while (await lines.ReadAsync(cancellationToken) is { } line)
                {
                    using (line)
                    {
                        hits.Read(line.RootElement, lines);
                    }
                }

                findings = hits.Findings(metadata);
            }
            else
            {
                throw lines.Invalid("not a garak report.jsonl or hitlog: the first entry has neither entry_type nor probe and detector");
            }
        }

        foreach (var finding in findings)
        {
            yield return finding;
        }
    }

    private static string Required(JsonElement entry, string name, JsonLineReader lines, string what) =>
        GarakFindingMapper.PluginName(entry.Text(name)) ?? throw lines.Invalid($"line {lines.LineNumber}: {what} has no {name}");

    private static string Score(double score) => score.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A report.jsonl as it streams: the run's facts, and per probe × detector its counts and examples.</summary>
    private sealed class RunState
    {
        private readonly Dictionary<(string Probe, string Detector), Pair> _pairs = [];
        private readonly List<Pair> _evaluated = [];
        private readonly Dictionary<string, GarakProbeInfo> _probeInfo = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Probe, string Detector), GarakDetectorInfo> _detectorInfo = [];
        private string? _model;
        private string? _version;
        private DateTimeOffset? _started;
        private double _threshold = DefaultThreshold;

        public void Read(JsonElement entry, JsonLineReader lines)
        {
            switch (entry.Text("entry_type"))
            {
                case "start_run setup":
                    _version = ScannerText.Short(entry.Text("_config.version")) ?? _version;
                    _started = ReportDates.Parse(entry.Text("transient.starttime_iso")) ?? _started;
                    _model = GarakFindingMapper.ModelFromSetup(entry) ?? _model;
                    if (entry.Get("run.eval_threshold") is { ValueKind: JsonValueKind.Number } threshold
                        && threshold.TryGetDouble(out var value) && value is > 0 and <= 1)
                    {
                        _threshold = value; // other values are ignored: garak scores are in [0, 1]
                    }

                    break;
                case "init":
                    _version ??= ScannerText.Short(entry.Text("garak_version"));
                    _started ??= ReportDates.Parse(entry.Text("start_time"));
                    break;
                case "attempt":
                    ReadAttempt(entry, lines);
                    break;
                case "eval":
                    ReadEval(entry, lines);
                    break;
                case "digest":
                    _model ??= entry.Get("meta")?.Get("setup") is { } setup ? GarakFindingMapper.ModelFromSetup(setup) : null;
                    if (entry.Get("eval") is { } eval)
                    {
                        GarakFindingMapper.ReadDigestEval(eval, (p, d) => _pairs.TryGetValue((p, d), out var pair) && pair.Fails > 0, _probeInfo, _detectorInfo);
                    }

                    break;
            }
        }

        public IEnumerable<ReportedFinding> Findings(ReportMetadata metadata)
        {
            metadata.ToolVersion = _version;
            metadata.ScanDate = _started;
            metadata.Scope = _model;
            foreach (var pair in _evaluated.Where(p => p.Fails > 0))
            {
                var result = new GarakResult(pair.Probe, pair.Detector, pair.Fails, Math.Max(pair.Total, pair.Fails))
                {
                    ProbeInfo = _probeInfo.GetValueOrDefault(pair.Probe),
                    DetectorInfo = _detectorInfo.GetValueOrDefault((pair.Probe, pair.Detector)),
                    Evidence = pair.Examples?.Items ?? [],
                };
                yield return GarakFindingMapper.Map(result, _model);
            }
        }

        private void ReadAttempt(JsonElement entry, JsonLineReader lines)
        {
            if (entry.Get("detector_results") is not { ValueKind: JsonValueKind.Object } results)
            {
                return;
            }

            string? probe = null;
            foreach (var detector in results.EnumerateObject())
            {
                if (detector.Value.ValueKind != JsonValueKind.Array || GarakFindingMapper.PluginName(detector.Name) is not { } name)
                {
                    continue;
                }

                probe ??= Required(entry, "probe_classname", lines, "an attempt");
                var index = 0;
                foreach (var score in detector.Value.EnumerateArray())
                {
                    if (score.ValueKind == JsonValueKind.Number && score.TryGetDouble(out var value) && value >= _threshold)
                    {
                        var examples = Get(probe, name, lines).Examples ??= new RedTeamExamples();
                        if (examples.IsFull)
                        {
                            break;
                        }

                        var output = entry.Get("outputs") is { ValueKind: JsonValueKind.Array } outputs && index < outputs.GetArrayLength()
                            ? GarakFindingMapper.OutputText(outputs[index])
                            : null;
                        examples.Add($"failing attempt (score {Score(value)})", ("prompt", GarakFindingMapper.PromptText(entry.Get("prompt"))), ("output", output));
                    }

                    index++;
                }
            }
        }

        private void ReadEval(JsonElement entry, JsonLineReader lines)
        {
            var probe = Required(entry, "probe", lines, "an eval entry");
            var detector = Required(entry, "detector", lines, "an eval entry");
            var passed = entry.Int32("passed");
            var total = entry.Int32("total_evaluated") ?? entry.Int32("total");
            var fails = entry.Int32("fails") ?? (total - passed);
            if (fails is null)
            {
                throw lines.Invalid($"line {lines.LineNumber}: the eval entry for {probe} / {detector} has no whole-number fails, passed or total");
            }

            var pair = Get(probe, detector, lines);
            pair.Fails = Add(pair.Fails, fails.Value);
            pair.Total = Add(pair.Total, total ?? 0);
            if (!pair.Evaluated)
            {
                pair.Evaluated = true;
                _evaluated.Add(pair);
            }
        }

        /// <summary>Adds a count, reading a negative one as 0 and capping the sum (absurd counts do not wrap around).</summary>
        private static int Add(int sum, int count) => (int)Math.Min((long)sum + Math.Max(count, 0), int.MaxValue);

        private Pair Get(string probe, string detector, JsonLineReader lines)
        {
            if (!_pairs.TryGetValue((probe, detector), out var pair))
            {
                if (_pairs.Count >= MaxPairs)
                {
                    throw lines.Invalid($"line {lines.LineNumber}: more than {MaxPairs} probe/detector pairs; this is not a garak run");
                }

                pair = new Pair(probe, detector);
                _pairs.Add((probe, detector), pair);
            }

            return pair;
        }

        private sealed class Pair(string probe, string detector)
        {
            public string Probe { get; } = probe;

            public string Detector { get; } = detector;

            public int Fails { get; set; }

            public int Total { get; set; }

            public bool Evaluated { get; set; }

            public RedTeamExamples? Examples { get; set; }
        }
    }

    /// <summary>A hitlog as it streams: per probe × detector × generator, the number of hits and the first three.</summary>
    private sealed class HitlogState
    {
        private readonly Dictionary<(string Probe, string Detector, string Generator), Group> _groups = [];
        private readonly List<Group> _order = [];

        public void Read(JsonElement hit, JsonLineReader lines)
        {
            var probe = Required(hit, "probe", lines, "a hit");
            var detector = Required(hit, "detector", lines, "a hit");
            var generator = ScannerText.Short(hit.Text("generator")) ?? "";
            if (!_groups.TryGetValue((probe, detector, generator), out var group))
            {
                if (_groups.Count >= MaxPairs)
                {
                    throw lines.Invalid($"line {lines.LineNumber}: more than {MaxPairs} probe/detector/generator groups; this is not a garak hitlog");
                }

                group = new Group(probe, detector, generator);
                _groups.Add((probe, detector, generator), group);
                _order.Add(group);
            }

            group.Hits++;
            var score = hit.Get("score") is { ValueKind: JsonValueKind.Number } number && number.TryGetDouble(out var value) ? $" (score {Score(value)})" : "";
            group.Examples.Add($"hit{score}", ("prompt", GarakFindingMapper.PromptText(hit.Get("prompt"))), ("output", GarakFindingMapper.OutputText(hit.Get("output"))));
        }

        public IEnumerable<ReportedFinding> Findings(ReportMetadata metadata)
        {
            var generators = _order.Select(g => g.Generator).Distinct(StringComparer.Ordinal).ToList();
            metadata.Scope = generators.Count == 1 && generators[0].Length > 0 ? generators[0] : null;
            return _order.Select(g => GarakFindingMapper.Map(
                new GarakResult(g.Probe, g.Detector, g.Hits, null) { Evidence = g.Examples.Items },
                g.Generator.Length > 0 ? g.Generator : null));
        }

        private sealed class Group(string probe, string detector, string generator)
        {
            public string Probe { get; } = probe;

            public string Detector { get; } = detector;

            public string Generator { get; } = generator;

            public int Hits { get; set; }

            public RedTeamExamples Examples { get; } = new();
        }
    }
}
