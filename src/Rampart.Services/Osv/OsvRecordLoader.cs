using Microsoft.EntityFrameworkCore;
using Rampart.Core.Findings;
using Rampart.Core.Osv;
using Rampart.Core.Versions;
using Rampart.Data;
using Rampart.Ingest.Formats.Osv;
using Rampart.Services.Imports;
using Rampart.Services.Imports.Bulk;

namespace Rampart.Services.Osv;

/// <summary>
/// Loads OSV records into the database. One path (file, folder or zip) is one transaction: a bad record anywhere in
/// it refuses the whole load and changes nothing, as a bad report file does. Records stream in batches of
/// <see cref="BatchSize"/>: each batch looks up the stored <c>modified</c> dates of its ids, and a record replaces the
/// stored one (and all its package rows) only when it is newer (OSV schema §modified).
/// </summary>
public sealed class OsvRecordLoader(RampartDbContext db, TimeProvider clock)
{
    public const int BatchSize = 2000;

    /// <exception cref="Ingest.ReportFormatException">A record cannot be read; nothing was stored.</exception>
    public async Task<OsvLoadResult> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        await LoadAsync(OsvRecordSource.ReadAsync(path, cancellationToken), path, cancellationToken);

    /// <summary>Loads records from any source, as one transaction.</summary>
    public async Task<OsvLoadResult> LoadAsync(IAsyncEnumerable<OsvRecord> records, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var counts = new Counts();
        var loadedAt = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using var store = BulkStore.For(db);
        await store.PrepareAsync(cancellationToken);
        var batch = new Dictionary<string, OsvRecord>(StringComparer.Ordinal);
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            counts.Records++;
            // The same id twice in one batch: the later modified wins, the other counts as unchanged.
            if (batch.TryGetValue(record.Id, out var seen))
            {
                counts.Unchanged++;
                if (record.Modified <= seen.Modified)
                {
                    continue;
                }
            }

            batch[record.Id] = record;
            if (batch.Count >= BatchSize)
            {
                await StoreAsync(store, batch, loadedAt, counts, cancellationToken);
                batch.Clear();
            }
        }

        await StoreAsync(store, batch, loadedAt, counts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OsvLoadResult(name, counts.Records, counts.Added, counts.Replaced, counts.Unchanged, counts.Withdrawn,
            counts.AffectedPackages, counts.GitRanges, counts.WithoutPackage);
    }

    private async Task StoreAsync(BulkStore store, Dictionary<string, OsvRecord> batch, DateTimeOffset loadedAt, Counts counts, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var ids = batch.Keys.ToList();
        var stored = await db.OsvEntries.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Modified }).ToDictionaryAsync(e => e.Id, e => e.Modified, StringComparer.Ordinal, cancellationToken);

        var replaced = new List<string>();
        var entries = new List<OsvEntry>();
        var packages = new List<OsvAffectedPackage>();
        foreach (var record in batch.Values)
        {
            if (stored.TryGetValue(record.Id, out var modified))
            {
                if (record.Modified <= modified)
                {
                    counts.Unchanged++;
                    continue;
                }

                replaced.Add(record.Id);
                counts.Replaced++;
            }
            else
            {
                counts.Added++;
            }

            counts.Withdrawn += record.Withdrawn is null ? 0 : 1;
            entries.Add(Entry(record, loadedAt));
            foreach (var affected in record.Affected)
            {
                var git = affected.Ranges.Count(r => r.Type == OsvRangeType.Git);
                counts.GitRanges += git;
                if (affected.Name.Length == 0 || affected.Ecosystem.Length == 0)
                {
                    counts.WithoutPackage++;
                    continue;
                }

                packages.Add(new OsvAffectedPackage
                {
                    EntryId = record.Id,
                    Ecosystem = Clip(affected.Ecosystem, ColumnLengths.Name),
                    EcosystemKey = Clip(Ecosystems.Base(affected.Ecosystem), ColumnLengths.Name),
                    Name = Clip(affected.Name, ColumnLengths.Component),
                    NameKey = Clip(Ecosystems.NormalizeName(affected.Ecosystem, affected.Name), ColumnLengths.Component),
                    Ranges = OsvRangeText.FormatRanges(affected.Ranges),
                    Versions = OsvRangeText.FormatVersions(affected.Versions),
                    GitRanges = git,
                });
            }
        }

        if (replaced.Count > 0)
        {
            // Package rows go with their entry (cascade), deleted explicitly so SQLite need not enforce it row by row.
            await db.OsvAffectedPackages.Where(a => replaced.Contains(a.EntryId)).ExecuteDeleteAsync(cancellationToken);
            await db.OsvEntries.Where(e => replaced.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        await store.InsertAsync(BulkTable.For<OsvEntry>(db), entries, cancellationToken);
        var table = BulkTable.For<OsvAffectedPackage>(db);
        var keys = await store.NextIdsAsync(table, packages.Count, cancellationToken);
        for (var i = 0; i < keys.Length; i++)
        {
            packages[i].Id = keys[i];
        }

        await store.InsertAsync(table, packages, cancellationToken);
        counts.AffectedPackages += packages.Count;
    }

    private static OsvEntry Entry(OsvRecord record, DateTimeOffset loadedAt) => new()
    {
        Id = record.Id,
        Modified = record.Modified.ToUniversalTime(),
        Published = record.Published?.ToUniversalTime(),
        Withdrawn = record.Withdrawn?.ToUniversalTime(),
        SchemaVersion = ImportText.Clip(record.SchemaVersion, ColumnLengths.Enum),
        Summary = ImportText.Clip(record.Summary, ColumnLengths.Title),
        Aliases = ImportText.Clip(ValueList.Join(record.Aliases), ColumnLengths.Tag),
        CvssVectors = ImportText.Clip(ValueList.Join(record.CvssVectors), ColumnLengths.Tag),
        Severity = record.Severity,
        LoadedAt = loadedAt,
    };

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..length];

    private sealed class Counts
    {
        public int Records { get; set; }

        public int Added { get; set; }

        public int Replaced { get; set; }

        public int Unchanged { get; set; }

        public int Withdrawn { get; set; }

        public int AffectedPackages { get; set; }

        public int GitRanges { get; set; }

        public int WithoutPackage { get; set; }
    }
}
