namespace Rampart.Core.Assets;

/// <summary>What an asset is. New kinds are appended so stored values keep their meaning.</summary>
public enum AssetKind
{
    Application,
    Model,
    Dataset,
    PromptConfiguration,
    OrchestrationService,
    ContainerImage,
    Repository,
    CloudResource,
}

/// <summary>The architectural layer of the AICM ownership table (physical/infrastructure, model, orchestrated, application).</summary>
public enum AssetLayer
{
    Infrastructure,
    Model,
    Orchestration,
    Application,
}

public enum Criticality
{
    Low,
    Medium,
    High,
    Critical,
}

public enum Exposure
{
    Isolated,
    Internal,
    Internet,
}

public enum DataSensitivity
{
    Public,
    Internal,
    Confidential,
    Restricted,
}
