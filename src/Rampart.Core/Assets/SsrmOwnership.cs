namespace Rampart.Core.Assets;

/// <summary>
/// Default accountable SSRM parties per layer, as the ownership table of TVM-01 and AIS-07 gives them:
/// physical/infrastructure is shared across the supply chain, the model layer is owned by the model provider,
/// orchestration is shared MP-OSP, the application layer is owned by the application provider.
/// Per-control ownership (issue 6) refines this; the skeleton uses these defaults.
/// </summary>
public static class SsrmOwnership
{
    public static SsrmParty AccountableFor(AssetLayer layer) => layer switch
    {
        AssetLayer.Infrastructure => SsrmParty.Csp | SsrmParty.ModelProvider | SsrmParty.OrchestratedServiceProvider
            | SsrmParty.ApplicationProvider | SsrmParty.AiCustomer,
        AssetLayer.Model => SsrmParty.ModelProvider,
        AssetLayer.Orchestration => SsrmParty.ModelProvider | SsrmParty.OrchestratedServiceProvider,
        AssetLayer.Application => SsrmParty.ApplicationProvider,
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "Unknown asset layer."),
    };
}
