namespace Rampart.Core.Assets;

/// <summary>Anything that can carry a weakness. Findings are always scoped to one asset.</summary>
public sealed class Asset
{
    public long Id { get; set; }

    /// <summary>Unique, human-chosen name (e.g. "payments-api" or "ghcr.io/acme/chat:1.4").</summary>
    public required string Name { get; set; }

    public AssetKind Kind { get; set; } = AssetKind.Application;

    public AssetLayer Layer { get; set; } = AssetLayer.Application;

    public string? OwnerTeam { get; set; }

    public Criticality Criticality { get; set; } = Criticality.Medium;

    public Exposure Exposure { get; set; } = Exposure.Internal;

    public DataSensitivity DataSensitivity { get; set; } = DataSensitivity.Internal;

    /// <summary>A third-party model or service this asset depends on (e.g. "OpenAI gpt-4o"), if any.</summary>
    public string? UpstreamProvider { get; set; }

    public string? Description { get; set; }

    /// <summary>Space-separated tools an AI agent on this asset can call ("shell", "email.send", "db.write").</summary>
    public string AgentTools { get; set; } = "";

    public AgentAutonomy AgentAutonomy { get; set; } = AgentAutonomy.None;

    /// <summary>The version the asset is at (a model's version from an ML-BOM), when known.</summary>
    public string? Version { get; set; }

    /// <summary>Package URL of the asset itself (a model's purl), when known.</summary>
    public string? Purl { get; set; }

    /// <summary>Model card facts as plain "key: value" lines, for models and datasets registered from an ML-BOM.</summary>
    public string? ModelCard { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The party accountable for remediation on this asset's layer.</summary>
    public SsrmParty AccountableParty => SsrmOwnership.AccountableFor(Layer);
}
