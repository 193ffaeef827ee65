namespace Rampart.Core.Policies;

/// <summary>
/// A layer of the AI stack a TVM policy can put in scope and give a rule for: the infrastructure layers of the
/// AICM ownership table split into physical, hypervisor, network and managed services, then model, orchestration,
/// application and the data they use.
/// </summary>
public enum PolicyLayer
{
    Physical,
    Hypervisor,
    Network,
    ManagedServices,
    Model,
    Orchestration,
    Application,
    Data,
}
