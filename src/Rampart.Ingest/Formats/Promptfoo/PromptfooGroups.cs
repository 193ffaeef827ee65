using System.Globalization;
using System.Text.Json;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Ingest.Formats.AiTaxonomy;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.Promptfoo;

/// <summary>
/// Counts promptfoo test results per group (see <see cref="PromptfooReport"/>) and keeps at most three failed
/// tests per group; memory is bounded by the number of groups, never by the number of results.
/// </summary>
internal sealed class PromptfooGroups
{
    public const string Tool = "promptfoo";

    /// <summary>promptfoo's ResultFailureReason.ERROR: the test could not be judged.</summary>
    private const int ErrorFailureReason = 2;

    /// <summary>No promptfoo eval has this many provider × plugin × strategy (or prompt) groups.</summary>
    private const int MaxGroups = 100_000;

    private readonly Dictionary<(string Provider, bool RedTeam, string Name, string Strategy), Group> _groups = [];
    private readonly List<Group> _order = [];

    /// <summary>Counts one result; returns why it cannot be read, or null.</summary>
    public string? Add(JsonElement result)
    {
        var success = result.Get("success") switch
        {
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            null => result.Get("gradingResult")?.Get("pass") is { ValueKind: JsonValueKind.True or JsonValueKind.False } pass ? pass.GetBoolean() : (bool?)null,
            _ => null,
        };
        if (success is null)
        {
            return "a result of results.results has no boolean success";
        }

        var meta = result.Get("metadata") is { ValueKind: JsonValueKind.Object } m && m.Get("pluginId") is not null
            ? m
            : result.Get("testCase")?.Get("metadata");
        var plugin = ScannerText.Short(meta?.Text("pluginId"));
        var strategy = ScannerText.Short(meta?.Text("strategyId"));
        if (string.Equals(strategy, "basic", StringComparison.OrdinalIgnoreCase))
        {
            strategy = null;
        }

        var provider = ScannerText.Short(result.Get("provider") switch
        {
            { ValueKind: JsonValueKind.Object } p => p.Text("id") ?? p.Text("label"),
            { } p => p.AsText(),
            null => null,
        }) ?? "";
        var prompt = result.Get("prompt");
        var name = plugin ?? ScannerText.Short(prompt?.Text("label") ?? prompt?.Text("raw")) ?? "";
        var key = (provider, plugin is not null, name, strategy ?? "");
        if (!_groups.TryGetValue(key, out var group))
        {
            if (_groups.Count >= MaxGroups)
            {
                return $"more than {MaxGroups} result groups; this is not a promptfoo eval";
            }

            group = new Group(provider, plugin is not null, name, strategy);
            _groups.Add(key, group);
            _order.Add(group);
        }

        group.Total++;
        if (success.Value)
        {
            return null;
        }

        if (result.Int32("failureReason") == ErrorFailureReason)
        {
            group.Errors++;
            return null;
        }

        group.Failed++;
        if (SeverityScale.Parse(meta?.Text("severity")) is { } severity && (group.Severity is null || severity > group.Severity))
        {
            group.Severity = severity;
        }

        group.Goal ??= ScannerText.Long(meta?.Text("goal"));
        group.HarmCategory ??= ScannerText.Short(meta?.Text("harmCategory"));
        if (!group.Examples.IsFull)
        {
            AddExample(group.Examples, result, prompt);
        }

        return null;
    }

    public IEnumerable<ReportedFinding> Findings() => _order.Where(g => g.Failed > 0).Select(Map);

    private static void AddExample(RedTeamExamples examples, JsonElement result, JsonElement? prompt)
    {
        var grading = result.Get("gradingResult");
        var score = grading?.Get("score") ?? result.Get("score");
        var label = score is { ValueKind: JsonValueKind.Number } number ? $"failed test (score {number.GetRawText()})" : "failed test";
        var vars = result.Get("vars") ?? result.Get("testCase")?.Get("vars");
        var promptText = prompt?.Text("raw") ?? (vars is { ValueKind: JsonValueKind.Object } values ? Vars(values) : null);
        var response = result.Get("response");
        var output = response?.Get("output") is { } value ? value.AsText() ?? value.GetRawText() : response?.Text("error");
        examples.Add(label, ("prompt", promptText), ("output", output), ("reason", grading?.Text("reason") ?? result.Text("error")));
    }

    private static string Vars(JsonElement vars) =>
        string.Join('\n', vars.EnumerateObject().Select(v => $"{v.Name}: {v.Value.AsText() ?? v.Value.GetRawText()}"));

    private static ReportedFinding Map(Group group)
    {
        var judged = Math.Max(group.Total - group.Errors, group.Failed);
        var counts = $"{Count(group.Failed)}/{Count(judged)}";
        var against = group.Provider.Length > 0 ? $" against {group.Provider}" : "";
        var errored = group.Errors switch
        {
            0 => "",
            1 => " 1 more test errored and was not judged.",
            _ => $" {Count(group.Errors)} more tests errored and were not judged.",
        };
        string title, message, ruleId;
        if (group.IsRedTeam)
        {
            ruleId = group.Strategy is null ? group.Name : $"{group.Name}/{group.Strategy}";
            title = $"{group.Name}{(group.Strategy is null ? "" : $" via {group.Strategy}")}: {counts} attacks succeeded";
            message = $"Attack success rate {RedTeamRating.Percent(group.Failed, judged)} ({Count(group.Failed)} of {Count(judged)} tests){against}.{errored}";
        }
        else
        {
            ruleId = group.Name;
            title = $"{(group.Name.Length > 0 ? group.Name : "eval")}: {counts} tests failed";
            message = $"Failure rate {RedTeamRating.Percent(group.Failed, judged)} ({Count(group.Failed)} of {Count(judged)} tests){against}.{errored}";
        }

        return new ReportedFinding
        {
            Kind = FindingKind.AiRedTeam,
            Tool = Tool,
            Title = ScannerText.Title(title) ?? counts,
            Description = ScannerText.Long(group.HarmCategory is null || group.Goal is null ? group.Goal ?? group.HarmCategory : $"{group.HarmCategory}: {group.Goal}"),
            RuleId = ScannerText.Short(ruleId),
            Tags = group.IsRedTeam ? AiRiskTaxonomy.FromPromptfoo(group.Name, group.Strategy) : [],
            LocationPath = group.Provider.Length > 0 ? group.Provider : null,
            ToolSeverity = group.Severity ?? RedTeamRating.FromRate(group.Failed, judged),
            Message = ScannerText.Long(message),
            Occurrences = group.Failed,
            Evidence = group.Examples.Items,
            AttackSuccessRate = judged > 0 ? (double)group.Failed / judged : null,
        };
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class Group(string provider, bool isRedTeam, string name, string? strategy)
    {
        public string Provider { get; } = provider;

        public bool IsRedTeam { get; } = isRedTeam;

        /// <summary>The plugin id (red team) or the prompt label (plain eval).</summary>
        public string Name { get; } = name;

        public string? Strategy { get; } = strategy;

        public int Total { get; set; }

        public int Failed { get; set; }

        public int Errors { get; set; }

        public Severity? Severity { get; set; }

        public string? Goal { get; set; }

        public string? HarmCategory { get; set; }

        public RedTeamExamples Examples { get; } = new();
    }
}
