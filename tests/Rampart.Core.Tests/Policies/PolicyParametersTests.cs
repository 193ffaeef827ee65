using Rampart.Core.Assets;
using Rampart.Core.Policies;
using Rampart.Core.Prioritization;

namespace Rampart.Core.Tests.Policies;

public sealed class PolicyParametersTests
{
    private static readonly RemediationTimeframes ForCritical = new(3, 14, 60, 120);
    private static readonly RemediationTimeframes ForModels = new(14, 45, 90, 180);

    private static PolicyParameters WithOverrides() => PolicyParameters.Default with
    {
        TimeframesByCriticality = new Dictionary<Criticality, RemediationTimeframes> { [Criticality.Critical] = ForCritical },
        TimeframesByLayer = new Dictionary<PolicyLayer, RemediationTimeframes> { [PolicyLayer.Model] = ForModels },
    };

    [Fact]
    public void TimeframesFor_NoOverride_IsTheDefault()
    {
        Assert.Equal(RemediationTimeframes.Default, WithOverrides().TimeframesFor(Criticality.Medium, PolicyLayer.Application));
    }

    [Fact]
    public void TimeframesFor_CriticalityOverride_WinsOverDefault()
    {
        Assert.Equal(ForCritical, WithOverrides().TimeframesFor(Criticality.Critical, PolicyLayer.Application));
    }

    [Fact]
    public void TimeframesFor_LayerOverride_WinsOverDefault()
    {
        Assert.Equal(ForModels, WithOverrides().TimeframesFor(Criticality.Low, PolicyLayer.Model));
    }

    [Fact]
    public void TimeframesFor_LayerAndCriticalityOverride_LayerWins()
    {
        // A critical model: the layer's 14-day P1 applies, not the critical assets' 3 days.
        Assert.Equal(ForModels, WithOverrides().TimeframesFor(Criticality.Critical, PolicyLayer.Model));
    }

    [Fact]
    public void Default_IsRampartsDefaults()
    {
        var defaults = PolicyParameters.Default;

        Assert.Equal(new RemediationTimeframes(7, 30, 90, 180), defaults.Timeframes);
        Assert.Equal(new RiskAcceptanceRules(90, defaults.RiskAcceptance.ApproverRoles), defaults.RiskAcceptance);
        Assert.Equal(["security-lead"], defaults.RiskAcceptance.ApproverRoles);
        Assert.Equal(12, defaults.ReviewIntervalMonths);
        Assert.Equal(8, defaults.Scope.Layers.Count);
        Assert.Equal(5, defaults.Scope.Parties.Count);
        Assert.Equal(8, defaults.Rules.Count);
        Assert.Equal(8, defaults.ScanCadenceDays.Count);
        Assert.False(defaults.PauseSlaWhileWaitingOnVendor);
        Assert.Empty(defaults.DisclosureContacts);
        Assert.True(defaults.Stakeholders.IsEmpty);
    }

    [Fact]
    public void Default_ManagedServicesRule_MatchesTheInfrastructureOwnership()
    {
        // Rampart's infrastructure assets map to managed services, whose owners are the SSRM table's shared set.
        var owners = PolicyParameters.Default.Rules[PolicyLayer.ManagedServices].Owners.Aggregate(SsrmParty.None, (all, party) => all | party);

        Assert.Equal(SsrmOwnership.AccountableFor(AssetLayer.Infrastructure), owners);
    }

    [Fact]
    public void ToPrioritizationSettings_Default_MatchesThePrioritizerDefault()
    {
        Assert.Equal(PrioritizationSettings.Default, PolicyParameters.Default.ToPrioritizationSettings());
    }

    [Fact]
    public void ToPrioritizationSettings_CarriesBothThresholds()
    {
        var settings = (PolicyParameters.Default with { EpssPoc = 0.2, AttackSuccessActive = 0.8 }).ToPrioritizationSettings();

        Assert.Equal(new PrioritizationSettings(0.2, 0.8), settings);
    }

    [Theory]
    [InlineData(AssetKind.Dataset, AssetLayer.Application, PolicyLayer.Data)]
    [InlineData(AssetKind.Dataset, AssetLayer.Model, PolicyLayer.Data)]
    [InlineData(AssetKind.Model, AssetLayer.Model, PolicyLayer.Model)]
    [InlineData(AssetKind.OrchestrationService, AssetLayer.Orchestration, PolicyLayer.Orchestration)]
    [InlineData(AssetKind.Application, AssetLayer.Application, PolicyLayer.Application)]
    [InlineData(AssetKind.CloudResource, AssetLayer.Infrastructure, PolicyLayer.ManagedServices)]
    [InlineData(AssetKind.ContainerImage, AssetLayer.Infrastructure, PolicyLayer.ManagedServices)]
    public void Of_KindAndLayer_GivesThePolicyLayer(AssetKind kind, AssetLayer layer, PolicyLayer expected)
    {
        Assert.Equal(expected, PolicyLayers.Of(kind, layer));
    }

    [Theory]
    [InlineData(PolicyLayer.ManagedServices, "managed-services")]
    [InlineData(PolicyLayer.Physical, "physical")]
    public void Name_Layer_IsKebabCase(PolicyLayer layer, string expected)
    {
        Assert.Equal(expected, PolicyLayers.Name(layer));
    }
}
