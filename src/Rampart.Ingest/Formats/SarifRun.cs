using System.Text.Json;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats;

/// <summary>What a SARIF run says once for all its results: the tool and its rules (SARIF 2.1.0 §3.18, §3.19).</summary>
internal sealed class SarifRun
{
    private readonly JsonElement[] _driverRules;
    private readonly JsonElement[][] _extensionRules;
    private readonly Dictionary<string, JsonElement> _rulesById = new(StringComparer.Ordinal);

    /// <param name="tool">The run's <c>tool</c> object, detached from the stream.</param>
    public SarifRun(JsonElement tool)
    {
        var driver = tool.Get("driver");
        ToolName = ScannerText.Short(driver?.Text("name")) ?? UnknownTool;
        ToolVersion = ScannerText.Short(driver?.Text("semanticVersion") ?? driver?.Text("version"));
        _driverRules = [.. driver?.Items("rules") ?? []];
        _extensionRules = [.. tool.Items("extensions").Select(extension => extension.Items("rules").ToArray())];
        foreach (var rule in _driverRules.Concat(_extensionRules.SelectMany(rules => rules)))
        {
            if (rule.Text("id") is { } id)
            {
                _rulesById.TryAdd(id, rule);
            }
        }
    }

    private SarifRun()
    {
        ToolName = UnknownTool;
        _driverRules = [];
        _extensionRules = [];
    }

    /// <summary>For results that arrive in a run without a <c>tool</c>.</summary>
    public static SarifRun WithoutTool { get; } = new();

    public string ToolName { get; }

    public string? ToolVersion { get; }

    private static string UnknownTool => "unknown SARIF tool";

    /// <summary>
    /// The rule a result refers to: by <c>rule.index</c>/<c>ruleIndex</c> in the driver or the extension named by
    /// <c>rule.toolComponent.index</c> (§3.52.7), else by id, else by the id's hierarchical parent (§3.27.5).
    /// </summary>
    public JsonElement? FindRule(JsonElement result)
    {
        var reference = result.Get("rule");
        var id = result.Text("ruleId") ?? reference?.Text("id");
        var index = reference?.Int32("index") ?? result.Int32("ruleIndex");
        var component = reference?.Get("toolComponent")?.Int32("index");
        var rules = component is { } c && c >= 0 && c < _extensionRules.Length ? _extensionRules[c] : _driverRules;
        if (index is { } i && i >= 0 && i < rules.Length && (id is null || rules[i].Text("id") is not { } ruleId || ruleId == id))
        {
            return rules[i];
        }

        if (id is null)
        {
            return null;
        }

        if (_rulesById.TryGetValue(id, out var byId))
        {
            return byId;
        }

        var slash = id.LastIndexOf('/');
        return slash > 0 && _rulesById.TryGetValue(id[..slash], out var parent) ? parent : null;
    }
}
