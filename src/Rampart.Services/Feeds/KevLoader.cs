using Microsoft.EntityFrameworkCore;
using Rampart.Core.Feeds;
using Rampart.Data;
using Rampart.Ingest.Feeds;
using Rampart.Services.Imports;
using Rampart.Services.Imports.Bulk;

namespace Rampart.Services.Feeds;

/// <summary>
/// Replaces the stored KEV catalog by a newer one in one transaction: new entries inserted in bulk, changed ones
/// updated, entries CISA removed deleted. The same catalogVersion with the same bytes is a no-op, and so is an older
/// catalogVersion (it would bring back entries CISA has since removed).
/// </summary>
internal static class KevLoader
{
    private static readonly string UpdateSql =
        $"UPDATE \"KevEntries\" SET {string.Join(", ", KevEntryRows.Instance.Columns.Skip(1).Select((c, i) => $"{BulkStore.Quote(c)} = @p{i + 1}"))} WHERE \"CveId\" = @p0";

    public static async Task<FeedUpdateResult> LoadAsync(RampartDbContext db, FeedLoad load, CancellationToken cancellationToken)
    {
        KevCatalog catalog;
        string sha256;
        await using (var stream = load.Open())
        using (var hashing = new HashingStream(stream))
        {
            catalog = await KevCatalogReader.ReadAsync(hashing, load.Name, cancellationToken);
            sha256 = hashing.FinishHex();
        }

        var state = load.State;
        state.CheckedAt = load.Now;
        var version = catalog.CatalogVersion;
        var stale = state.Version is { } stored && (string.CompareOrdinal(version, stored) < 0 || (version == stored && sha256 == state.Sha256));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (stale)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            var message = version == state.Version
                ? $"KEV catalog {version} is already loaded (the same file); nothing changed"
                : $"KEV catalog {version} is older than the loaded {state.Version}; nothing changed";
            return new FeedUpdateResult(FeedNames.Kev, FeedOutcome.Unchanged, state.Location, version, catalog.Entries.Count, message);
        }

        var existing = await db.KevEntries.AsNoTracking().ToDictionaryAsync(e => e.CveId, StringComparer.Ordinal, cancellationToken);
        var entries = catalog.Entries.Select(e => Storable(e, version)).ToList();
        var added = entries.Where(e => !existing.ContainsKey(e.CveId)).ToList();
        var changed = entries.Where(e => existing.TryGetValue(e.CveId, out var old) && !SameText(old, e)).ToList();
        var kept = entries.Select(e => e.CveId).ToHashSet(StringComparer.Ordinal);
        var removed = existing.Keys.Where(id => !kept.Contains(id)).ToList();

        using var store = BulkStore.For(db);
        await using (var stamp = store.Command("UPDATE \"KevEntries\" SET \"CatalogVersion\" = @p0", version))
        {
            await stamp.ExecuteNonQueryAsync(cancellationToken);
        }

        await store.ExecuteForEachAsync("DELETE FROM \"KevEntries\" WHERE \"CveId\" = @p0", [.. removed.Select(id => new object?[] { id })], cancellationToken);
        await store.ExecuteForEachAsync(UpdateSql, [.. changed.Select(KevEntryRows.Values)], cancellationToken);
        await store.InsertRowsAsync(KevEntryRows.Instance, added, cancellationToken);

        state.Version = version;
        state.Sha256 = sha256;
        state.Records = entries.Count;
        state.ChangedAt = load.Now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FeedUpdateResult(
            FeedNames.Kev, FeedOutcome.Loaded, state.Location, version, entries.Count,
            $"loaded KEV catalog {version}: {entries.Count:N0} entries ({added.Count:N0} added, {changed.Count:N0} changed, {removed.Count:N0} removed)")
        {
            Added = added.Count,
            Changed = changed.Count,
            Removed = removed.Count,
        };
    }

    /// <summary>The entry as stored: text without NUL (PostgreSQL refuses it), bounded columns clipped.</summary>
    private static KevEntry Storable(KevEntry entry, string version) => new()
    {
        CveId = entry.CveId,
        VendorProject = ImportText.Clip(entry.VendorProject, ColumnLengths.Name) ?? "",
        Product = ImportText.Clip(entry.Product, ColumnLengths.Name) ?? "",
        VulnerabilityName = ImportText.Clip(entry.VulnerabilityName, ColumnLengths.Title) ?? "",
        DateAdded = entry.DateAdded,
        ShortDescription = ImportText.Clip(entry.ShortDescription) ?? "",
        RequiredAction = ImportText.Clip(entry.RequiredAction) ?? "",
        DueDate = entry.DueDate,
        KnownRansomwareCampaignUse = ImportText.Clip(entry.KnownRansomwareCampaignUse, ColumnLengths.Enum),
        Notes = ImportText.Clip(entry.Notes),
        Cwes = ImportText.Clip(entry.Cwes, ColumnLengths.Tag),
        CatalogVersion = version,
    };

    private static bool SameText(KevEntry a, KevEntry b) =>
        a.VendorProject == b.VendorProject && a.Product == b.Product && a.VulnerabilityName == b.VulnerabilityName
        && a.DateAdded == b.DateAdded && a.ShortDescription == b.ShortDescription && a.RequiredAction == b.RequiredAction
        && a.DueDate == b.DueDate && a.KnownRansomwareCampaignUse == b.KnownRansomwareCampaignUse && a.Notes == b.Notes && a.Cwes == b.Cwes;
}
