using System.Collections.Frozen;
using Rampart.Core.Assets;
using Rampart.Core.Prioritization;

namespace Rampart.Core.Policies;

/// <summary>
/// The machine-readable part of a TVM policy: what Rampart enforces while the policy is in force. A new instance holds
/// Rampart's defaults; <see cref="PolicyDocument.Parse"/> checks every value a document sets.
/// </summary>
public sealed record PolicyParameters
{
    private static readonly SsrmParty[] AllParties =
        [SsrmParty.Csp, SsrmParty.ModelProvider, SsrmParty.OrchestratedServiceProvider, SsrmParty.ApplicationProvider, SsrmParty.AiCustomer];

    /// <summary>Rampart's defaults: 7/30/90/180 days, acceptance for 90 days by the security lead, review every 12 months, every layer and party in scope.</summary>
    public static PolicyParameters Default { get; } = new();

    /// <summary>Days to remediate per priority, unless a criticality or layer override applies.</summary>
    public RemediationTimeframes Timeframes { get; init; } = RemediationTimeframes.Default;

    /// <summary>Timeframes for assets of a given criticality (e.g. shorter for critical assets).</summary>
    public IReadOnlyDictionary<Criticality, RemediationTimeframes> TimeframesByCriticality { get; init; } =
        FrozenDictionary<Criticality, RemediationTimeframes>.Empty;

    /// <summary>Timeframes for a layer; these win over criticality overrides.</summary>
    public IReadOnlyDictionary<PolicyLayer, RemediationTimeframes> TimeframesByLayer { get; init; } =
        FrozenDictionary<PolicyLayer, RemediationTimeframes>.Empty;

    public RiskAcceptanceRules RiskAcceptance { get; init; } = new(90, ["security-lead"]);

    /// <summary>Days between scans per asset kind: daily for code, images and cloud, weekly for models and AI services, monthly for datasets.</summary>
    public IReadOnlyDictionary<AssetKind, int> ScanCadenceDays { get; init; } = new Dictionary<AssetKind, int>
    {
        [AssetKind.Application] = 1,
        [AssetKind.Model] = 7,
        [AssetKind.Dataset] = 30,
        [AssetKind.PromptConfiguration] = 7,
        [AssetKind.OrchestrationService] = 7,
        [AssetKind.ContainerImage] = 1,
        [AssetKind.Repository] = 1,
        [AssetKind.CloudResource] = 1,
    }.ToFrozenDictionary();

    /// <summary>Reminders and escalations by days from the due date, in increasing order.</summary>
    public IReadOnlyList<EscalationStep> Escalation { get; init; } =
        [new(-3, "assignee"), new(0, "owner-team-lead"), new(7, "security-lead")];

    public IReadOnlyList<MaintenanceWindow> MaintenanceWindows { get; init; } = [];

    public IReadOnlyList<DisclosureContact> DisclosureContacts { get; init; } = [];

    public PolicyScope Scope { get; init; } = new(PolicyLayers.All, AllParties);

    /// <summary>The rule per layer; the defaults follow the AICM ownership table.</summary>
    public IReadOnlyDictionary<PolicyLayer, LayerRule> Rules { get; init; } = new Dictionary<PolicyLayer, LayerRule>
    {
        [PolicyLayer.Physical] = new([SsrmParty.Csp], "The cloud provider patches and replaces hardware and firmware under its own programme and reports issues that affect tenants."),
        [PolicyLayer.Hypervisor] = new([SsrmParty.Csp], "The cloud provider patches the virtualisation layer and publishes advisories for tenant-visible flaws."),
        [PolicyLayer.Network] = new([SsrmParty.Csp, SsrmParty.ApplicationProvider], "The cloud provider secures the fabric; the application provider fixes its own network configuration findings."),
        [PolicyLayer.ManagedServices] = new(AllParties, "Each party fixes the managed-service settings it controls; shared findings are split by the ownership table."),
        [PolicyLayer.Model] = new([SsrmParty.ModelProvider], "The model provider fixes model weaknesses (red-team findings, unsafe behaviour) and ships a new version."),
        [PolicyLayer.Orchestration] = new([SsrmParty.ModelProvider, SsrmParty.OrchestratedServiceProvider], "The orchestrated service provider fixes agents, tools and prompts; model-side causes go to the model provider."),
        [PolicyLayer.Application] = new([SsrmParty.ApplicationProvider], "The application provider fixes its code, dependencies and images within the remediation timeframes."),
        [PolicyLayer.Data] = new([SsrmParty.ApplicationProvider, SsrmParty.AiCustomer], "Data owners fix exposure, poisoning and retention findings on the datasets they supply or keep."),
    }.ToFrozenDictionary();

    /// <summary>Months between reviews, 1 to 12 (TVM-01: at least every 12 months).</summary>
    public int ReviewIntervalMonths { get; init; } = 12;

    public PolicyStakeholders Stakeholders { get; init; } = new([], [], []);

    /// <summary>Whether the remediation clock stops while a fix waits on a vendor.</summary>
    public bool PauseSlaWhileWaitingOnVendor { get; init; }

    /// <summary>EPSS score from which exploitation counts as a public PoC; see <see cref="PrioritizationSettings.EpssPoc"/>.</summary>
    public double EpssPoc { get; init; } = PrioritizationSettings.Default.EpssPoc;

    /// <summary>Attack success rate from which a red-team attack counts as active; see <see cref="PrioritizationSettings.AttackSuccessActive"/>.</summary>
    public double AttackSuccessActive { get; init; } = PrioritizationSettings.Default.AttackSuccessActive;

    /// <summary>The timeframes for an asset: a layer override wins over a criticality override, which wins over the default.</summary>
    public RemediationTimeframes TimeframesFor(Criticality criticality, PolicyLayer layer) =>
        TimeframesByLayer.TryGetValue(layer, out var byLayer) ? byLayer
        : TimeframesByCriticality.TryGetValue(criticality, out var byCriticality) ? byCriticality
        : Timeframes;

    public PrioritizationSettings ToPrioritizationSettings() => new(EpssPoc, AttackSuccessActive);
}
