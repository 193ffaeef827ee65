using Rampart.Core.Findings;
using Rampart.Core.Prioritization;

namespace Rampart.Services.Prioritization;

/// <summary>
/// Decisions made during one re-decision, reused for every finding with the same facts. The outcome (priority, SSVC,
/// exploitation, severity, score) reads the feeds only through two facts: listed in KEV or not, EPSS at or above the
/// threshold or not; so outcomes are cached by those, and a day of new EPSS scores costs one decision per distinct
/// (asset, vectors, severity, exploitation class), not one per finding. The reasons name the exact scores and dates,
/// so they are made only for findings that are written. Bounded, so a pathological spread of facts only costs time.
/// </summary>
internal sealed class DecisionCache(PrioritizationSettings settings)
{
    private const int Capacity = 200_000;
    private readonly Dictionary<(string Asset, FindingKind Kind, string Vectors, Severity Tool, double? Rate, bool Kev, bool EpssPoc), PriorityDecision> _outcomes = [];
    private AssetContext? _lastAsset;
    private string? _lastKey;

    public DecisionCache()
        : this(PrioritizationSettings.Default)
    {
    }

    /// <summary>The decision's outcome; its reasons may name another finding's scores (use <see cref="Explain"/> to store them).</summary>
    public PriorityDecision Outcome(OpenFindingRow row, AssetContext asset, ExploitIntel intel)
    {
        if (!ReferenceEquals(asset, _lastAsset))
        {
            (_lastAsset, _lastKey) = (asset, asset.Key); // rows come in id order, mostly grouped by asset
        }

        var key = (_lastKey!, row.Kind, row.CvssVectors, row.ToolSeverity, row.AttackSuccessRate, intel.InKev, intel.Epss >= settings.EpssPoc);
        if (_outcomes.TryGetValue(key, out var made))
        {
            return made;
        }

        made = Decide(row, asset, intel);
        if (_outcomes.Count < Capacity)
        {
            _outcomes[key] = made;
        }

        return made;
    }

    /// <summary>The full decision for this finding's own facts, with its reasons as stored (one line each).</summary>
    public (PriorityDecision Decision, string Reasons) Explain(OpenFindingRow row, AssetContext asset, ExploitIntel intel)
    {
        var decision = Decide(row, asset, intel);
        return (decision, string.Join('\n', decision.Reasons));
    }

    private PriorityDecision Decide(OpenFindingRow row, AssetContext asset, ExploitIntel intel) =>
        Prioritizer.Decide(new PriorityFacts(row.Kind, ValueList.Split(row.CvssVectors), row.ToolSeverity, intel, asset, row.AttackSuccessRate), settings);
}
