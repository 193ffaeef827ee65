using Rampart.Core.Assets;
using Rampart.Services.Assets;

namespace Rampart.Web.Pages.Assets;

/// <summary>The asset page's form for the facts priorities depend on.</summary>
public sealed class AssetContextForm
{
    public Criticality Criticality { get; set; }

    public Exposure Exposure { get; set; }

    public DataSensitivity DataSensitivity { get; set; }

    /// <summary>Comma-separated agent tools.</summary>
    public string? AgentTools { get; set; }

    public AgentAutonomy AgentAutonomy { get; set; }

    public AssetContextChange ToChange() => new(
        Criticality, Exposure, DataSensitivity,
        (AgentTools ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        AgentAutonomy);
}
