using Rampart.Core.Assets;
using Rampart.Core.Prioritization;
using YamlDotNet.RepresentationModel;

namespace Rampart.Core.Policies;

/// <summary>
/// Reads the front matter's keys into <see cref="PolicyParameters"/>. A key left out keeps the default's value; a
/// partial timeframe or scan-cadence mapping changes only the entries it names.
/// </summary>
internal static partial class PolicyFrontMatter
{
    /// <summary>Every top-level key, in the order they are read (remediation-days first: the overrides build on it).</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "title", "remediation-days", "remediation-days-by-criticality", "remediation-days-by-layer", "risk-acceptance",
        "scan-cadence-days", "escalation", "maintenance-windows", "disclosure-contacts", "scope", "rules",
        "review-interval-months", "stakeholders", "pause-sla-while-waiting-on-vendor", "epss-poc-threshold",
        "attack-success-active",
    ];

    private static readonly string[] PriorityKeys = ["P1", "P2", "P3", "P4"];

    // Ten years: long enough for any real P4 and far from DateTimeOffset's range.
    private const int MaxRemediationDays = 3650;

    public static (string Title, PolicyParameters Parameters) Read(FrontMatterReader reader, YamlMappingNode root)
    {
        var entries = reader.Entries(root, null, Keys).ToDictionary(entry => entry.Name, entry => entry.Value, StringComparer.Ordinal);
        if (!entries.TryGetValue("title", out var titleNode))
        {
            throw reader.Error(root, "the front matter has no title; add a line title: …");
        }

        var title = reader.Text(titleNode, "title");
        var p = PolicyParameters.Default;
        foreach (var key in Keys)
        {
            if (!entries.TryGetValue(key, out var node))
            {
                continue;
            }

            p = key switch
            {
                "title" => p,
                "remediation-days" => p with { Timeframes = Timeframes(reader, node, key, p.Timeframes) },
                "remediation-days-by-criticality" => p with
                {
                    TimeframesByCriticality = Overrides(reader, node, key, PolicyNames.Criticalities, "criticality", p.Timeframes),
                },
                "remediation-days-by-layer" => p with
                {
                    TimeframesByLayer = Overrides(reader, node, key, PolicyNames.Layers, "layer", p.Timeframes),
                },
                "risk-acceptance" => p with { RiskAcceptance = RiskAcceptance(reader, node, key, p.RiskAcceptance) },
                "scan-cadence-days" => p with { ScanCadenceDays = ScanCadence(reader, node, key, p.ScanCadenceDays) },
                "escalation" => p with { Escalation = Escalation(reader, node, key) },
                "maintenance-windows" => p with { MaintenanceWindows = MaintenanceWindows(reader, node, key) },
                "disclosure-contacts" => p with { DisclosureContacts = DisclosureContacts(reader, node, key) },
                "scope" => p with { Scope = Scope(reader, node, key, p.Scope) },
                "rules" => p with { Rules = Rules(reader, node, key) },
                "review-interval-months" => p with { ReviewIntervalMonths = ReviewInterval(reader, node, key) },
                "stakeholders" => p with { Stakeholders = Stakeholders(reader, node, key) },
                "pause-sla-while-waiting-on-vendor" => p with { PauseSlaWhileWaitingOnVendor = reader.Bool(node, key) },
                "epss-poc-threshold" => p with { EpssPoc = reader.Fraction(node, key) },
                "attack-success-active" => p with { AttackSuccessActive = reader.Fraction(node, key) },
                _ => throw new InvalidOperationException($"Key {key} is listed but not read."),
            };
        }

        return (title, p);
    }

    private static RemediationTimeframes Timeframes(FrontMatterReader reader, YamlNode node, string path, RemediationTimeframes inherited)
    {
        int[] days = [inherited.P1Days, inherited.P2Days, inherited.P3Days, inherited.P4Days];
        var given = new YamlNode?[4];
        var mapping = reader.Mapping(node, path);
        foreach (var (name, _, value) in reader.Entries(mapping, path, PriorityKeys))
        {
            var i = Array.IndexOf(PriorityKeys, name);
            days[i] = reader.Int(value, $"{path}.{name}", 1, MaxRemediationDays, "days");
            given[i] = value;
        }

        for (var i = 1; i < 4; i++)
        {
            if (days[i] < days[i - 1])
            {
                throw reader.Error(
                    given[i] ?? given[i - 1] ?? mapping,
                    $"{path}: {PriorityKeys[i]} ({days[i]} days) is shorter than {PriorityKeys[i - 1]} ({days[i - 1]} days); "
                    + "a lower priority may not be due sooner, so P1 ≤ P2 ≤ P3 ≤ P4 must hold");
            }
        }

        return new(days[0], days[1], days[2], days[3]);
    }

    private static Dictionary<T, RemediationTimeframes> Overrides<T>(
        FrontMatterReader reader, YamlNode node, string path, System.Collections.Frozen.FrozenDictionary<string, T> names, string what,
        RemediationTimeframes inherited)
        where T : notnull
    {
        var overrides = new Dictionary<T, RemediationTimeframes>();
        foreach (var (name, key, value) in reader.Entries(reader.Mapping(node, path), path, known: null))
        {
            overrides[reader.Name(key, path, names, what)] = Timeframes(reader, value, $"{path}.{name}", inherited);
        }

        return overrides;
    }

    private static RiskAcceptanceRules RiskAcceptance(FrontMatterReader reader, YamlNode node, string path, RiskAcceptanceRules rules)
    {
        foreach (var (name, _, value) in reader.Entries(reader.Mapping(node, path), path, ["max-days", "approvers"]))
        {
            rules = name switch
            {
                "max-days" => rules with { MaxDays = reader.Int(value, $"{path}.{name}", 1, 365, "days") },
                _ => rules with { ApproverRoles = ApproverRoles(reader, value, $"{path}.{name}") },
            };
        }

        return rules;
    }

    private static string[] ApproverRoles(FrontMatterReader reader, YamlNode node, string path)
    {
        var sequence = reader.Sequence(node, path);
        if (sequence.Children.Count == 0)
        {
            throw reader.Error(node, $"{path} is empty; name at least one role that may accept a risk");
        }

        return [.. sequence.Children.Select((item, i) =>
        {
            var role = reader.Text(item, $"{path}[{i + 1}]");
            return IsRoleName(role)
                ? role
                : throw reader.Error(item, $"{path}[{i + 1}]: {role} is not a role name; write roles in kebab-case, e.g. security-lead");
        })];
    }

    private static bool IsRoleName(string role) =>
        role.Length > 0 && char.IsAsciiLetterLower(role[0]) && role.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static Dictionary<AssetKind, int> ScanCadence(FrontMatterReader reader, YamlNode node, string path, IReadOnlyDictionary<AssetKind, int> inherited)
    {
        var cadence = new Dictionary<AssetKind, int>(inherited);
        foreach (var (name, key, value) in reader.Entries(reader.Mapping(node, path), path, known: null))
        {
            cadence[reader.Name(key, path, PolicyNames.AssetKinds, "asset kind")] = reader.Int(value, $"{path}.{name}", 1, 365, "days");
        }

        return cadence;
    }

    private static PolicyScope Scope(FrontMatterReader reader, YamlNode node, string path, PolicyScope scope)
    {
        foreach (var (name, _, value) in reader.Entries(reader.Mapping(node, path), path, ["layers", "parties"]))
        {
            scope = name switch
            {
                "layers" => scope with { Layers = reader.Names(value, $"{path}.{name}", PolicyNames.Layers, "layer", allowEmpty: false) },
                _ => scope with { Parties = reader.Names(value, $"{path}.{name}", PolicyNames.Parties, "party", allowEmpty: false) },
            };
        }

        return scope;
    }

    private static Dictionary<PolicyLayer, LayerRule> Rules(FrontMatterReader reader, YamlNode node, string path)
    {
        var rules = new Dictionary<PolicyLayer, LayerRule>();
        foreach (var (name, key, value) in reader.Entries(reader.Mapping(node, path), path, known: null))
        {
            var layer = reader.Name(key, path, PolicyNames.Layers, "layer");
            var rulePath = $"{path}.{name}";
            var entries = Required(reader, value, rulePath, ["owners", "procedure"], optional: []);
            rules[layer] = new(
                reader.Names(entries["owners"], $"{rulePath}.owners", PolicyNames.Parties, "party", allowEmpty: false),
                reader.Text(entries["procedure"], $"{rulePath}.procedure"));
        }

        return rules;
    }

    private static int ReviewInterval(FrontMatterReader reader, YamlNode node, string path)
    {
        var months = reader.Int(node, path, int.MinValue, int.MaxValue, "months");
        return months switch
        {
            > 12 => throw reader.Error(node, $"review interval {months} months is over the 12 months TVM-01 allows"),
            < 1 => throw reader.Error(node, $"review interval {months} months is too short; give 1 to 12 months"),
            _ => months,
        };
    }

    private static PolicyStakeholders Stakeholders(FrontMatterReader reader, YamlNode node, string path)
    {
        var stakeholders = new PolicyStakeholders([], [], []);
        foreach (var (name, _, value) in reader.Entries(reader.Mapping(node, path), path, ["users", "teams", "parties"]))
        {
            stakeholders = name switch
            {
                "users" => stakeholders with { Users = reader.Texts(value, $"{path}.{name}") },
                "teams" => stakeholders with { Teams = reader.Texts(value, $"{path}.{name}") },
                _ => stakeholders with { Parties = reader.Names(value, $"{path}.{name}", PolicyNames.Parties, "party", allowEmpty: true) },
            };
        }

        return stakeholders;
    }
}
