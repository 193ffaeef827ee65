using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rampart.Data;
using Rampart.Services;
using Rampart.Services.Imports;
using Rampart.Services.Osv;

namespace Rampart.Benchmarks.EndToEnd;

/// <summary>
/// OSV records and matching (issue 4): load a synthetic all.zip of N records, load it again (nothing newer), import
/// inventories of M components over A assets, match every inventory, match again (nothing changed).
/// Usage: osv [--records 50000] [--components 10000] [--assets 10] [--db &lt;connection string&gt;] [--work &lt;folder&gt;]
/// </summary>
public static class OsvRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var records = int.Parse(Arg(args, "--records") ?? "50000", CultureInfo.InvariantCulture);
        var components = int.Parse(Arg(args, "--components") ?? "10000", CultureInfo.InvariantCulture);
        var assets = int.Parse(Arg(args, "--assets") ?? "10", CultureInfo.InvariantCulture);
        var work = Arg(args, "--work") ?? Path.Combine(Path.GetTempPath(), "rampart-perf-osv");
        Directory.CreateDirectory(work);
        var target = DatabaseTarget.Resolve(Arg(args, "--db") ?? Path.Combine(work, $"osv-{Guid.NewGuid():N}.db"), work);
        var packages = SyntheticOsv.PackagesFor(records);
        var zip = Path.Combine(work, $"synthetic-osv-{records}.zip");
        if (!File.Exists(zip))
        {
            SyntheticOsv.WriteZip(zip, records, packages);
        }

        Console.WriteLine($"database: {target.Describe()}  records: {records:N0} ({new FileInfo(zip).Length / 1048576.0:F1} MiB zip, {packages:N0} packages)  components: {components:N0} over {assets} assets");
        var services = new ServiceCollection()
            .AddLogging(logging => logging
                .AddSimpleConsole(console => console.SingleLine = true)
                .SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None)
                .AddFilter("Rampart.Services", LogLevel.Debug)) // the match's and each import's phase timings
            .AddRampartServices(target)
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<RampartDbContext>());
        }

        await TimeAsync("load zip (first)", services, async s =>
        {
            var r = await s.GetRequiredService<OsvRecordLoader>().LoadAsync(zip);
            return $"{r.Records:N0} records, {r.Added:N0} added, {r.AffectedPackages:N0} packages";
        });
        await TimeAsync("load zip again (nothing newer)", services, async s =>
        {
            var r = await s.GetRequiredService<OsvRecordLoader>().LoadAsync(zip);
            return $"{r.Unchanged:N0} unchanged";
        });

        var perAsset = components / assets;
        for (var a = 0; a < assets; a++)
        {
            await using var scope = services.CreateAsyncScope();
            await using var sbom = new MemoryStream(SyntheticOsv.Sbom(a * perAsset, perAsset, packages));
            await scope.ServiceProvider.GetRequiredService<ImportService>().ImportAsync(new ImportRequest($"osv-asset-{a:D3}", sbom, "sbom.json"));
        }

        for (var run = 1; run <= 2; run++)
        {
            await TimeAsync(run == 1 ? "match (first: all new)" : "match again (unchanged)", services, async s =>
            {
                var results = await s.GetRequiredService<InventoryMatcher>().MatchAsync();
                return $"{results.Sum(r => r.Components):N0} components, {results.Sum(r => r.Import.Findings):N0} findings " +
                    $"(new {results.Sum(r => r.Import.New):N0}, unchanged {results.Sum(r => r.Import.Unchanged):N0}, closed {results.Sum(r => r.Import.Closed):N0})";
            });
        }

        return 0;
    }

    private static async Task TimeAsync(string label, ServiceProvider services, Func<IServiceProvider, Task<string>> action)
    {
        await using var scope = services.CreateAsyncScope();
        var peak = new PeakMemory();
        var watch = Stopwatch.StartNew();
        var what = await action(scope.ServiceProvider);
        watch.Stop();
        peak.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {what} in {watch.Elapsed.TotalSeconds:F1} s, peak RSS {peak.PeakMiB:N0} MiB"));
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
