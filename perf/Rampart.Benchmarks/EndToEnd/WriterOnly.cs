using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Data;
using Rampart.Services;
using Rampart.Services.Imports.Bulk;

namespace Rampart.Benchmarks.EndToEnd;

/// <summary>
/// The store stage alone: the findings and observations of an existing database, read into memory, then written
/// into a fresh database through the import's bulk writer on one thread. Splits an import's time into parse and store.
/// Usage: e2e-writer &lt;source database&gt; [&lt;target database&gt;]
/// </summary>
internal static class WriterOnly
{
    public static async Task<int> RunAsync(string[] args)
    {
        var work = Path.GetTempPath();
        var source = DatabaseTarget.Resolve(args[1], work);
        var target = DatabaseTarget.Resolve(args.Length > 2 ? args[2] : Path.Combine(work, $"writer-{Guid.NewGuid():N}.db"), work);

        using var from = new ServiceCollection().AddRampartServices(source).BuildServiceProvider();
        using var to = new ServiceCollection().AddRampartServices(target).BuildServiceProvider();
        await using var read = from.CreateAsyncScope();
        var db = read.ServiceProvider.GetRequiredService<RampartDbContext>();
        var findings = await db.Findings.AsNoTracking().OrderBy(f => f.Id).ToListAsync();
        var observations = await db.Observations.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        var assets = await db.Assets.AsNoTracking().ToListAsync();
        var sources = await db.Sources.AsNoTracking().ToListAsync();
        var scans = await db.Scans.AsNoTracking().ToListAsync();
        Console.WriteLine($"read {findings.Count:N0} findings and {observations.Count:N0} observations");

        await using var write = to.CreateAsyncScope();
        var output = write.ServiceProvider.GetRequiredService<RampartDbContext>();
        await DatabaseMigrator.MigrateAsync(output);
        output.Assets.AddRange(assets);
        output.Sources.AddRange(sources);
        output.Scans.AddRange(scans);
        await output.SaveChangesAsync();
        output.ChangeTracker.Clear();

        await using var transaction = await output.Database.BeginTransactionAsync();
        using var store = BulkStore.For(output);
        await store.PrepareAsync(CancellationToken.None);
        var watch = Stopwatch.StartNew();
        foreach (var batch in findings.Chunk(5000))
        {
            await store.InsertRowsAsync(FindingRows.Instance, batch, CancellationToken.None);
        }

        var findingsDone = watch.Elapsed.TotalSeconds;
        foreach (var batch in observations.Chunk(5000))
        {
            await store.InsertRowsAsync(ObservationRows.Instance, batch, CancellationToken.None);
        }

        var observationsDone = watch.Elapsed.TotalSeconds;
        await transaction.CommitAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"writer only ({target.Describe()}): findings {findingsDone:F1} s, observations {observationsDone - findingsDone:F1} s, commit {watch.Elapsed.TotalSeconds - observationsDone:F1} s = {findings.Count / watch.Elapsed.TotalSeconds:N0} findings/s"));
        return 0;
    }
}
