using Rampart.Core.Findings;
using Rampart.Core.Prioritization;

namespace Rampart.Services.Prioritization;

/// <summary>
/// Decisions made during one re-decision, reused for every finding with the same facts: the same vectors, severity,
/// attack success, feed intel and asset context decide the same way. Bounded, so a pathological spread of facts only
/// costs time, not memory.
/// </summary>
internal sealed class DecisionCache
{
    private const int Capacity = 200_000;
    private readonly Dictionary<(string Asset, FindingKind Kind, string Vectors, Severity Tool, double? Rate, ExploitIntel Intel), (PriorityDecision, string)> _made = [];

    public (PriorityDecision Decision, string Reasons) Decide(OpenFindingRow row, AssetContext asset, ExploitIntel intel)
    {
        var key = (asset.Key, row.Kind, row.CvssVectors, row.ToolSeverity, row.AttackSuccessRate, intel);
        if (_made.TryGetValue(key, out var made))
        {
            return made;
        }

        var decision = Prioritizer.Decide(new PriorityFacts(
            row.Kind, ValueList.Split(row.CvssVectors), row.ToolSeverity, intel, asset, row.AttackSuccessRate));
        made = (decision, string.Join('\n', decision.Reasons));
        if (_made.Count < Capacity)
        {
            _made[key] = made;
        }

        return made;
    }
}
