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

/// <summary>How far an AI agent on the asset acts on its own: what a successful prompt attack can make it do.</summary>
public enum AgentAutonomy
{
    /// <summary>Not an agent, or an agent that only answers.</summary>
    None,

    /// <summary>Tool calls need a person's approval.</summary>
    HumanApproval,

    /// <summary>Tool calls run without a person in the loop.</summary>
    Autonomous,
}
