using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Data;
using Rampart.Services;
using Rampart.Services.Feeds;

namespace Rampart.Benchmarks.EndToEnd;

/// <summary>
/// Issue 4: times loading an EPSS day of <c>--rows</c> synthetic scores (default 300,000, the size of the real daily
/// file) written in the real format (comment line, header, gzip), then a second day (history grows), then a no-op
/// reload, and optionally a KEV catalog (<c>--kev file</c>). Each load goes through FeedUpdateService end to end.
/// </summary>
internal static class FeedLoadRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = int.Parse(Arg(args, "--rows") ?? "300000", CultureInfo.InvariantCulture);
        var work = Path.GetFullPath(Arg(args, "--work") ?? "/tmp/rampart-perf-feeds");
        Directory.CreateDirectory(work);
        var target = DatabaseTarget.Resolve(Arg(args, "--db") ?? Path.Combine(work, $"feeds-{Guid.NewGuid():N}.db"), work);
        var day1 = Path.Combine(work, "epss-day1.csv.gz");
        var day2 = Path.Combine(work, "epss-day2.csv.gz");
        var watch = Stopwatch.StartNew();
        Write(day1, rows, new DateOnly(2026, 9, 28), seed: 1);
        Write(day2, rows, new DateOnly(2026, 9, 29), seed: 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote 2 × {rows:N0} rows, {new FileInfo(day1).Length / 1048576.0:F1} MiB gzip each, in {watch.Elapsed.TotalSeconds:F1} s; database {target.Describe()}"));

        await using var services = new ServiceCollection()
            .AddSingleton(FeedSettings.InDataDirectory(work))
            .AddRampartServices(target, work)
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<RampartDbContext>());
        }

        await TimeAsync(services, "EPSS day 1 (empty table)", s => s.UpdateEpssAsync(day1));
        await TimeAsync(services, "EPSS day 2 (table holds day 1)", s => s.UpdateEpssAsync(day2));
        await TimeAsync(services, "EPSS day 2 again (no-op)", s => s.UpdateEpssAsync(day2));
        if (Arg(args, "--kev") is { } kev)
        {
            await TimeAsync(services, "KEV catalog (empty table)", s => s.UpdateKevAsync(kev));
        }

        return 0;
    }

    private static async Task TimeAsync(ServiceProvider services, string what, Func<FeedUpdateService, Task<FeedUpdateResult>> load)
    {
        await using var scope = services.CreateAsyncScope();
        var watch = Stopwatch.StartNew();
        var result = await load(scope.ServiceProvider.GetRequiredService<FeedUpdateService>());
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {watch.Elapsed.TotalSeconds:F2} s, {result.Records / watch.Elapsed.TotalSeconds:N0} rows/s — {result.Message}"));
    }

    /// <summary>The real layout; ids spread over the years as real CVEs are, five decimals as FIRST prints them.</summary>
    internal static void Write(string path, int rows, DateOnly day, int seed)
    {
        var random = new Random(seed);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false), 1 << 16);
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"#model_version:v2026.06.15,score_date:{day:yyyy-MM-dd}T00:00:00Z\n"));
        writer.Write("cve,epss,percentile\n");
        for (var i = 0; i < rows; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{CveOf(i, rows)},{random.NextDouble():F5},{random.NextDouble():F5}\n"));
        }
    }

    /// <summary>The id of row <paramref name="i"/> of a synthetic day of <paramref name="rows"/> rows.</summary>
    internal static string CveOf(int i, int rows) =>
        string.Create(CultureInfo.InvariantCulture, $"CVE-{1999 + ((long)i * 28 / rows)}-{10000 + i:D5}");

    private static string? Arg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
