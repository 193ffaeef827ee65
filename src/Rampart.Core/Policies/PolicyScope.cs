using Rampart.Core.Assets;

namespace Rampart.Core.Policies;

/// <summary>The layers the policy covers and the SSRM parties it binds.</summary>
public sealed record PolicyScope(IReadOnlyList<PolicyLayer> Layers, IReadOnlyList<SsrmParty> Parties);
