namespace Rampart.Core.Assets;

/// <summary>
/// Who must remediate on each layer under AIS-07 (Application Vulnerability Remediation), as the control's SSRM
/// ownership table gives it (seeds/001, "Ownership / SSRM"): physical/infrastructure is shared CSP-MP, the model is
/// owned by the model provider, orchestration is shared OSP-AP, the application is owned by the application
/// provider. Shared ownership names both parties.
/// </summary>
public static class RemediationOwnership
{
    /// <summary>The AICM control whose ownership this is.</summary>
    public const string Control = "AIS-07";

    /// <summary>The parties accountable for remediating a weakness on an asset of <paramref name="layer"/>.</summary>
    public static SsrmParty AccountableFor(AssetLayer layer) => layer switch
    {
        AssetLayer.Infrastructure => SsrmParty.Csp | SsrmParty.ModelProvider,
        AssetLayer.Model => SsrmParty.ModelProvider,
        AssetLayer.Orchestration => SsrmParty.OrchestratedServiceProvider | SsrmParty.ApplicationProvider,
        AssetLayer.Application => SsrmParty.ApplicationProvider,
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "Unknown asset layer."),
    };

    /// <summary>
    /// Whether a finding on the asset opens a due-diligence item for the application provider: the asset depends on
    /// a third party (<see cref="Asset.UpstreamProvider"/>) and AIS-07 makes a party other than the application
    /// provider and the customer accountable on its layer. AIS-07: "The AP is accountable for carrying out the due
    /// diligence on its upstream providers (e.g MPs, Orchestrated Services)".
    /// </summary>
    public static bool NeedsDueDiligence(AssetLayer layer, string? upstreamProvider) =>
        !string.IsNullOrWhiteSpace(upstreamProvider)
        && (AccountableFor(layer) & ~(SsrmParty.ApplicationProvider | SsrmParty.AiCustomer)) != SsrmParty.None;

    /// <summary>The parties as people read them: "Cloud service provider + Model provider".</summary>
    public static string Describe(SsrmParty parties) =>
        parties == SsrmParty.None ? "none" : string.Join(" + ", Enum.GetValues<SsrmParty>()
            .Where(p => p != SsrmParty.None && parties.HasFlag(p))
            .Select(p => p switch
            {
                SsrmParty.Csp => "Cloud service provider",
                SsrmParty.ModelProvider => "Model provider",
                SsrmParty.OrchestratedServiceProvider => "Orchestrated service provider",
                SsrmParty.ApplicationProvider => "Application provider",
                SsrmParty.AiCustomer => "AI customer",
                _ => p.ToString(),
            }));
}
