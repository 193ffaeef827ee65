using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Ingest;
using Rampart.Data;
using Rampart.Services;
using Rampart.Services.Dashboard;
using Rampart.Services.Findings;
using Rampart.Services.Imports;

namespace Rampart.Benchmarks.EndToEnd;

/// <summary>
/// End to end: generate a synthetic SARIF with N results, import it (parse → fingerprint → reconcile → store),
/// reimport it unchanged, then time the findings-list queries the web UI issues, at that size.
/// Usage: e2e [--findings 1000000] [--db &lt;connection string&gt;] [--work &lt;folder&gt;]
/// </summary>
public static class ImportAndQueryRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var findings = int.Parse(Arg(args, "--findings") ?? "1000000", CultureInfo.InvariantCulture);
        var work = Arg(args, "--work") ?? Path.Combine(Path.GetTempPath(), "rampart-perf");
        Directory.CreateDirectory(work);
        var target = DatabaseTarget.Resolve(Arg(args, "--db") ?? Path.Combine(work, $"perf-{Guid.NewGuid():N}.db"), work);
        Console.WriteLine($"database: {target.Describe()}  findings: {findings:N0}");

        var report = Path.Combine(work, $"synthetic-{findings}.sarif");
        if (!File.Exists(report))
        {
            SyntheticSarif.Write(report, findings, seed: 42);
        }

        Console.WriteLine($"report: {report} ({new FileInfo(report).Length / 1048576.0:F1} MiB)");
        var firstOnly = args.Contains("--first-only");
        var variant = Path.Combine(work, $"synthetic-{findings}-1pct-changed.sarif");
        if (!firstOnly && !File.Exists(variant))
        {
            SyntheticSarif.Write(variant, findings, seed: 42, changedEvery: 100);
        }

        if (args.Contains("--parse-only"))
        {
            await ParseOnlyAsync(report);
            return 0;
        }

        var services = new ServiceCollection()
            .AddLogging(logging => logging
                .AddSimpleConsole(console => console.SingleLine = true)
                .SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None) // the migration probe logs an expected failure
                .AddFilter("Rampart.Services.Imports", LogLevel.Debug)) // the import's phase timings
            .AddRampartServices(target)
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<RampartDbContext>());
        }

        // A server process imports with a warm JIT; the warm-up is a small file for another asset.
        var warmup = Path.Combine(work, "warmup-20000.sarif");
        if (!File.Exists(warmup))
        {
            SyntheticSarif.Write(warmup, 20_000, seed: 7);
        }

        await ImportAsync(services, warmup, "warm-up (20,000, other asset)", asset: "warmup-asset");
        var first = await ImportAsync(services, report, "first import");
        if (firstOnly)
        {
            return 0;
        }

        await ImportAsync(services, variant, "reimport, 1% changed");
        await ImportAsync(services, variant, "reimport, byte-identical");
        if (target.Provider == DatabaseProvider.Postgres)
        {
            await CopyFloor.MeasureAsync(target.ConnectionString, first);
        }

        if (args.Contains("--import-only"))
        {
            return 0;
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var queries = scope.ServiceProvider.GetRequiredService<FindingQueries>();
            var dashboard = scope.ServiceProvider.GetRequiredService<DashboardQueries>();
            await TimeAsync("list page 1, default sort (priority)", () => queries.ListAsync(new FindingFilter()));
            await TimeAsync("list status=Open priority=P2", () => queries.ListAsync(new FindingFilter(Status: FindingStatus.Open, Priority: Priority.P2)));
            await TimeAsync("list sort by due date desc", () => queries.ListAsync(new FindingFilter(Sort: FindingSort.DueDate, Descending: true)));
            await TimeAsync("list asset filter, sort last seen", () => queries.ListAsync(new FindingFilter(Asset: "perf-asset", Sort: FindingSort.LastSeen)));
            await TimeAsync("list page 200 (offset 9,950)", () => queries.ListAsync(new FindingFilter(Page: 200)));
            await TimeAsync("list search 'module42/'", () => queries.ListAsync(new FindingFilter(Search: "module42/")));
            await TimeAsync("finding detail", () => queries.GetAsync(findings / 2));
            await TimeAsync("dashboard", () => dashboard.GetAsync());
        }

        return 0;
    }

    private static async Task<TimeSpan> ImportAsync(ServiceProvider services, string report, string label, string asset = "perf-asset")
    {
        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ImportService>();
        var peak = new PeakMemory();
        var watch = Stopwatch.StartNew();
        await using var stream = File.OpenRead(report);
        var result = await importer.ImportAsync(new ImportRequest(asset, stream, Path.GetFileName(report)));
        watch.Stop();
        peak.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {result.Findings:N0} findings (new {result.New:N0}, unchanged {result.Unchanged:N0}, closed {result.Closed:N0}{(result.AlreadyImported ? ", already imported" : "")}) in {watch.Elapsed.TotalSeconds:F1} s = {result.Findings / watch.Elapsed.TotalSeconds:N0} findings/s, peak RSS {peak.PeakMiB:N0} MiB"));
        return watch.Elapsed;
    }

    /// <summary>The import's CPU work without a database (parse; then parse + fingerprint), to split end-to-end time.</summary>
    private static async Task ParseOnlyAsync(string report)
    {
        for (var pass = 1; pass <= 2; pass++)
        {
            var watch = Stopwatch.StartNew();
            var count = 0;
            long checksum = 0;
            await using var stream = File.OpenRead(report);
            await foreach (var finding in ReportReaders.ReadAsync(stream, report, ReportFormat.Auto, new ReportMetadata()))
            {
                count++;
                checksum += pass == 1 ? finding.Title.Length : FindingFingerprint.Compute(finding).Length;
            }

            var seconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(pass == 1 ? "parse" : "parse + fingerprint")}: {count:N0} results in {seconds:F2} s = {count / seconds:N0}/s (checksum {checksum})"));
        }
    }

    private static async Task TimeAsync<T>(string label, Func<Task<T>> query)
    {
        await query(); // warm the plan cache and the page cache
        var samples = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            await query();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        samples.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: median {samples[2]:F1} ms (min {samples[0]:F1}, max {samples[4]:F1})"));
    }

    private static string? Arg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
