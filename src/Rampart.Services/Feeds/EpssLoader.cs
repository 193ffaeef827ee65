using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rampart.Core.Feeds;
using Rampart.Data;
using Rampart.Ingest.Feeds;
using Rampart.Services.Imports;
using Rampart.Services.Imports.Bulk;

namespace Rampart.Services.Feeds;

/// <summary>
/// Loads one EPSS day in one transaction: the rows stream from the reader (on its own task) into the bulk writer
/// (PostgreSQL binary COPY, SQLite prepared statements) in batches; a bad row anywhere rolls the whole day back.
/// A score date already loaded is a no-op: a day's scores do not change once published.
/// </summary>
internal static class EpssLoader
{
    private const int BatchSize = 5000;

    public static async Task<FeedUpdateResult> LoadAsync(RampartDbContext db, FeedLoad load, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var stream = load.Open();
        using var hashing = new HashingStream(stream);
        using var file = await EpssCsvReader.OpenAsync(hashing, load.Name, cancellationToken);
        var day = file.ScoreDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var state = load.State;
        state.CheckedAt = load.Now;

        if (await db.EpssDays.AsNoTracking().FirstOrDefaultAsync(d => d.ScoreDate == file.ScoreDate, cancellationToken) is { } loaded)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new FeedUpdateResult(
                FeedNames.Epss, FeedOutcome.Unchanged, state.Location, day, loaded.Rows,
                $"EPSS scores for {day} are already loaded ({loaded.Rows:N0} rows, model {loaded.ModelVersion}); nothing changed");
        }

        using var store = BulkStore.For(db);
        await store.PrepareAsync(cancellationToken);
        var batch = new List<EpssScore>(BatchSize);
        await using (var scores = new ReadAhead<EpssScore>(file.ReadScoresAsync(cancellationToken), cancellationToken))
        {
            while (await scores.MoveNextAsync())
            {
                batch.Add(scores.Current);
                if (batch.Count == BatchSize)
                {
                    await store.InsertRowsAsync(EpssScoreRows.Instance, batch, cancellationToken);
                    batch.Clear();
                }
            }
        }

        await store.InsertRowsAsync(EpssScoreRows.Instance, batch, cancellationToken);
        var sha256 = hashing.FinishHex();
        db.EpssDays.Add(new EpssDay { ScoreDate = file.ScoreDate, ModelVersion = file.ModelVersion, Rows = file.Rows, LoadedAt = load.Now, Sha256 = sha256 });

        // The feed's version is the newest day loaded: loading an older file fills history without moving it back.
        if (state.Version is null || string.CompareOrdinal(day, state.Version) >= 0)
        {
            state.Version = day;
            state.Sha256 = sha256;
            state.Records = file.Rows;
        }

        state.ChangedAt = load.Now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FeedUpdateResult(
            FeedNames.Epss, FeedOutcome.Loaded, state.Location, day, file.Rows,
            $"loaded {file.Rows:N0} EPSS scores for {day} (model {file.ModelVersion})");
    }
}
