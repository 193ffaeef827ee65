namespace Rampart.Core.Assets;

/// <summary>A party of the AI supply chain's shared security responsibility model (AICM SSRM).</summary>
[Flags]
public enum SsrmParty
{
    None = 0,
    Csp = 1,
    ModelProvider = 2,
    OrchestratedServiceProvider = 4,
    ApplicationProvider = 8,
    AiCustomer = 16,
}
