using Rampart.Core.Assets;

namespace Rampart.Core.Prioritization.Ssvc;

/// <summary>
/// The SSVC decision points of an AI red-team finding, which has no CVSS vector: exploitation from the attack success
/// rate, automatable from how the model is deployed, technical impact from what a hijacked model can reach (the data
/// it holds, the tools it calls and whether a person approves them).
/// </summary>
public static class AiDecisionPoints
{
    /// <summary>Any success is a working proof of concept; at or above the threshold the attack works reliably.</summary>
    public static Exploitation Exploitation(double? attackSuccessRate, PrioritizationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return attackSuccessRate is { } rate && rate >= settings.AttackSuccessActive ? Ssvc.Exploitation.Active : Ssvc.Exploitation.PublicPoc;
    }

    /// <summary>Prompts can be sent at scale by anyone to a model on the internet; elsewhere an attacker needs a foothold first.</summary>
    public static bool Automatable(Exposure exposure) => exposure == Exposure.Internet;

    /// <summary>Total when the model calls tools with no person approving them, or holds restricted data.</summary>
    public static TechnicalImpact TechnicalImpact(AssetContext asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var unattendedTools = asset.AgentTools.Count > 0 && asset.Autonomy == AgentAutonomy.Autonomous;
        return unattendedTools || asset.DataSensitivity == DataSensitivity.Restricted ? Ssvc.TechnicalImpact.Total : Ssvc.TechnicalImpact.Partial;
    }
}
