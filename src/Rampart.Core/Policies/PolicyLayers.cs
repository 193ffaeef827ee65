using Rampart.Core.Assets;

namespace Rampart.Core.Policies;

/// <summary>Where an asset falls among the policy's layers, and the layers' names as policy documents spell them.</summary>
public static class PolicyLayers
{
    /// <summary>Every layer, in declaration order.</summary>
    public static IReadOnlyList<PolicyLayer> All { get; } = Enum.GetValues<PolicyLayer>();

    /// <summary>
    /// The policy layer an asset's rules come from. A dataset is data wherever it sits; everything else follows its
    /// asset layer, with Rampart's infrastructure assets (cloud resources, images) counted as managed services,
    /// since physical hosts, hypervisors and networks are not assets Rampart scans.
    /// </summary>
    public static PolicyLayer Of(AssetKind kind, AssetLayer layer)
    {
        if (kind == AssetKind.Dataset)
        {
            return PolicyLayer.Data;
        }

        return layer switch
        {
            AssetLayer.Model => PolicyLayer.Model,
            AssetLayer.Orchestration => PolicyLayer.Orchestration,
            AssetLayer.Application => PolicyLayer.Application,
            AssetLayer.Infrastructure => PolicyLayer.ManagedServices,
            _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "Unknown asset layer."),
        };
    }

    /// <summary>The layer's name in a policy document ("managed-services").</summary>
    public static string Name(PolicyLayer layer) => PolicyNames.Kebab(layer);
}
