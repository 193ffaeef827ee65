using Microsoft.EntityFrameworkCore;
using Rampart.Core.Findings;
using Rampart.Data;

namespace Rampart.Services.Findings;

/// <summary>Read side for one asset: its details, sources and component inventory.</summary>
public sealed class AssetQueries(RampartDbContext db)
{
    public const int MaxPageSize = 500;

    public const int DefaultPageSize = 100;

    public async Task<AssetDetail?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        var row = await db.Assets.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new { Asset = a, Open = db.Findings.Count(f => f.AssetId == a.Id && f.Status == FindingStatus.Open) })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var sources = await db.Sources.AsNoTracking()
            .Where(s => s.AssetId == id)
            .OrderBy(s => s.Tool)
            .ThenBy(s => s.Scope)
            .ThenBy(s => s.Id)
            .Select(s => new
            {
                Source = s,
                LastScan = db.Scans.Where(x => x.Id == s.LastScanId).Select(x => new { x.FileName, x.Format }).FirstOrDefault(),
                Present = db.Observations.Count(o => o.SourceId == s.Id && o.Present),
                Components = db.Components.Count(c => c.SourceId == s.Id),
            })
            .ToListAsync(cancellationToken);
        var componentCount = await db.Components.LongCountAsync(c => c.AssetId == id, cancellationToken);

        var asset = row.Asset;
        return new AssetDetail(
            FindingQueries.ToView(asset, row.Open),
            asset.Description,
            asset.Purl,
            asset.ModelCard,
            asset.CreatedAt,
            componentCount,
            [.. sources.Select(r => new SourceView(
                r.Source.Id, r.Source.Tool, r.Source.Scope, r.Source.LastScanId, r.Source.LastScanDate,
                r.LastScan?.FileName, r.LastScan?.Format, r.Present, r.Components))]);
    }

    /// <summary>
    /// One page of the asset's components, by name, version and id (names compare as the database collates them);
    /// null when there is no such asset. Page is 1-based; the page size is capped at <see cref="MaxPageSize"/>.
    /// </summary>
    public async Task<PageOf<ComponentView>?> ListComponentsAsync(long assetId, int page = 1, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        if (!await db.Assets.AnyAsync(a => a.Id == assetId, cancellationToken))
        {
            return null;
        }

        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var components = db.Components.AsNoTracking().Where(c => c.AssetId == assetId);
        var total = await components.LongCountAsync(cancellationToken);
        var skip = (long)(page - 1) * pageSize;
        if (skip >= total)
        {
            return new PageOf<ComponentView>([], page, pageSize, total, false);
        }

        var items = await components
            .Join(db.Sources, c => c.SourceId, s => s.Id, (c, s) => new { Component = c, s.Tool, s.Scope })
            .OrderBy(r => r.Component.Name)
            .ThenBy(r => r.Component.Version)
            .ThenBy(r => r.Component.Id)
            .Skip((int)skip)
            .Take(pageSize)
            .Select(r => new ComponentView(
                r.Component.Id, r.Component.Name, r.Component.Version, r.Component.Purl, r.Component.Type, r.Component.License,
                r.Component.Supplier, r.Tool, r.Scope))
            .ToListAsync(cancellationToken);
        return new PageOf<ComponentView>(items, page, pageSize, total, skip + items.Count < total);
    }
}
