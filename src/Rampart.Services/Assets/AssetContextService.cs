using Microsoft.EntityFrameworkCore;
using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Data;
using Rampart.Services.Prioritization;

namespace Rampart.Services.Assets;

/// <summary>
/// Edits the facts of an asset that priorities depend on (criticality, exposure, data sensitivity, agent tools and
/// autonomy, layer) and re-decides its open findings at once, recording each change of priority with the asset as cause.
/// When the layer or upstream provider changes, open findings get the due-diligence items AIS-07 then calls for.
/// </summary>
public sealed class AssetContextService(RampartDbContext db, IReprioritizer reprioritizer, Workflow.DueDiligenceService dueDiligence)
{
    private const int MaxTools = 50;

    /// <exception cref="PrioritizationException">The asset does not exist or a value is invalid; nothing was changed.</exception>
    public async Task<(Asset Asset, ReprioritizationResult Result)> UpdateAsync(long assetId, AssetContextChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        Validate(change);
        var asset = await db.Assets.SingleOrDefaultAsync(a => a.Id == assetId, cancellationToken)
            ?? throw new PrioritizationException($"There is no asset {assetId}.", notFound: true);

        asset.Criticality = change.Criticality ?? asset.Criticality;
        asset.Exposure = change.Exposure ?? asset.Exposure;
        asset.DataSensitivity = change.DataSensitivity ?? asset.DataSensitivity;
        asset.AgentAutonomy = change.AgentAutonomy ?? asset.AgentAutonomy;
        asset.Kind = change.Kind ?? asset.Kind;
        asset.Layer = change.Layer ?? asset.Layer;
        if (change.AgentTools is { } tools)
        {
            asset.AgentTools = ValueList.Join([.. tools.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)]);
        }

        if (change.OwnerTeam is { } team)
        {
            asset.OwnerTeam = team.Trim().Length == 0 ? null : team.Trim();
        }

        if (change.UpstreamProvider is { } upstream)
        {
            asset.UpstreamProvider = upstream.Trim().Length == 0 ? null : upstream.Trim();
        }

        await db.SaveChangesAsync(cancellationToken);
        if (change.Layer is not null || change.UpstreamProvider is not null)
        {
            await dueDiligence.OpenForAssetAsync(asset.Id, cancellationToken); // an upstream party became accountable: AIS-07 due diligence
        }

        var result = await reprioritizer.ReprioritizeAsync(new ReprioritizationRequest($"asset:{asset.Name}", [asset.Id], RewriteReasons: true), cancellationToken);
        return (asset, result);
    }

    private static void Validate(AssetContextChange change)
    {
        Defined(change.Criticality, "criticality");
        Defined(change.Exposure, "exposure");
        Defined(change.DataSensitivity, "data sensitivity");
        Defined(change.AgentAutonomy, "agent autonomy");
        Defined(change.Kind, "kind");
        Defined(change.Layer, "layer");
        if (change.AgentTools is { } tools)
        {
            if (tools.Count > MaxTools)
            {
                throw new PrioritizationException($"An asset can list at most {MaxTools} agent tools.");
            }

            if (tools.FirstOrDefault(t => t.Length > ColumnLengths.Name || t.Any(char.IsWhiteSpace) && t.Trim().Contains(' ', StringComparison.Ordinal)) is { } bad)
            {
                throw new PrioritizationException($"Agent tool '{bad}' must be one word of at most {ColumnLengths.Name} characters (e.g. shell, email.send).");
            }
        }

        if (change.OwnerTeam?.Trim().Length > ColumnLengths.Name || change.UpstreamProvider?.Trim().Length > ColumnLengths.Name)
        {
            throw new PrioritizationException($"Owner team and upstream provider are at most {ColumnLengths.Name} characters.");
        }
    }

    private static void Defined<T>(T? value, string name)
        where T : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v))
        {
            throw new PrioritizationException($"'{v}' is not a valid {name}; use one of: {string.Join(", ", Enum.GetNames<T>())}.");
        }
    }
}
