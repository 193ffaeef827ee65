using Rampart.Core.Assets;
using Rampart.Core.Prioritization;

namespace Rampart.Core.Policies;

/// <summary>
/// The numbers the system applies: those of the policy version in force, or Rampart's defaults while none is.
/// Imports, re-decisions and due-date recomputation read them from here.
/// </summary>
/// <param name="VersionId">The version in force; null when no version has been published.</param>
/// <param name="VersionNumber">Its number, for messages.</param>
public sealed record PolicyTerms(long? VersionId, int? VersionNumber, PolicyParameters Parameters)
{
    public static PolicyTerms Defaults { get; } = new(null, null, PolicyParameters.Default);

    public PrioritizationSettings Prioritization { get; } = Parameters.ToPrioritizationSettings();

    /// <summary>The remediation days for findings of an asset.</summary>
    public RemediationTimeframes TimeframesFor(Criticality criticality, AssetKind kind, AssetLayer layer) =>
        Parameters.TimeframesFor(criticality, PolicyLayers.Of(kind, layer));

    public RemediationTimeframes TimeframesFor(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return TimeframesFor(asset.Criticality, asset.Kind, asset.Layer);
    }

    /// <summary>"policy v3" or "Rampart defaults (no policy in force)".</summary>
    public string Describe() => VersionNumber is { } n ? $"policy v{n}" : "Rampart defaults (no policy in force)";
}
