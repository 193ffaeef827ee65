using Rampart.Core.Assets;

namespace Rampart.Services.Assets;

/// <summary>What a person says about an asset; null leaves a fact as it is.</summary>
/// <param name="AgentTools">Tools an AI agent on the asset can call; an empty list says it has none.</param>
public sealed record AssetContextChange(
    Criticality? Criticality = null, Exposure? Exposure = null, DataSensitivity? DataSensitivity = null,
    IReadOnlyList<string>? AgentTools = null, AgentAutonomy? AgentAutonomy = null, string? OwnerTeam = null,
    AssetKind? Kind = null, AssetLayer? Layer = null, string? UpstreamProvider = null);
