using Rampart.Core.Assets;

namespace Rampart.Core.Prioritization;

/// <summary>The facts of an asset that its findings' priorities depend on.</summary>
/// <param name="AgentTools">Tools an AI agent on this asset can call (e.g. "shell", "email.send"); empty when none.</param>
public sealed record AssetContext(
    string Name, AssetKind Kind, Exposure Exposure, Criticality Criticality, DataSensitivity DataSensitivity,
    IReadOnlyList<string> AgentTools, AgentAutonomy Autonomy)
{
    public static AssetContext Of(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return new AssetContext(
            asset.Name, asset.Kind, asset.Exposure, asset.Criticality, asset.DataSensitivity,
            Findings.ValueList.Split(asset.AgentTools), asset.AgentAutonomy);
    }

    /// <summary>A value that changes whenever a fact a decision reads changes; decisions are cached by it.</summary>
    public string Key => $"{Kind}|{Exposure}|{Criticality}|{DataSensitivity}|{Autonomy}|{string.Join(' ', AgentTools)}";
}
