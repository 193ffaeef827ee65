using Rampart.Core.Assets;

namespace Rampart.Core.Policies;

/// <summary>The rule for one layer: which SSRM parties own its vulnerabilities and how they handle them.</summary>
/// <param name="Owners">Parties accountable for remediation on the layer.</param>
/// <param name="Procedure">What they do, in a sentence or two of plain text.</param>
public sealed record LayerRule(IReadOnlyList<SsrmParty> Owners, string Procedure);
