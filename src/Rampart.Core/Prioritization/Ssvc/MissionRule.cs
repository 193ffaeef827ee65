using Rampart.Core.Assets;

namespace Rampart.Core.Prioritization.Ssvc;

/// <summary>
/// Mission and well-being impact from the asset: CISA derives it from mission prevalence and public well-being
/// impact; Rampart reads both off the asset's business criticality and its exposure.
/// High: a critical asset, or a high-criticality asset facing the internet. Low: a low-criticality asset, or an
/// isolated one that is not critical. Medium: everything between.
/// </summary>
public static class MissionRule
{
    public static MissionImpact Of(Criticality criticality, Exposure exposure) => (criticality, exposure) switch
    {
        (Criticality.Critical, _) => MissionImpact.High,
        (Criticality.High, Exposure.Internet) => MissionImpact.High,
        (Criticality.Low, _) => MissionImpact.Low,
        (_, Exposure.Isolated) => MissionImpact.Low,
        _ => MissionImpact.Medium,
    };
}
