using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rampart.Core.Assets;
using Rampart.Data;
using Rampart.Services;
using Rampart.Services.Feeds;
using Rampart.Services.Imports;
using Rampart.Services.Prioritization;

namespace Rampart.Benchmarks.EndToEnd;

/// <summary>
/// Issue 4: applies a full EPSS day and the KEV catalog to <c>--findings</c> open vulnerability findings (default
/// 1,000,000) and times each load together with the re-prioritization it triggers.
/// Setup (not timed): <c>--assets</c> generic-JSON reports (default 20) of vulnerability findings are imported through
/// ImportService; each finding names one CVE of the synthetic EPSS day (ids as <see cref="FeedLoadRun"/> writes them),
/// every 100th a CVE of the KEV catalog instead; six CVSS v3.1 vectors in turn; the assets get varied exposure and
/// criticality. Then, timed: EPSS day 1 (every finding gains a score), EPSS day 2 (new scores), the KEV catalog,
/// and a re-prioritization with nothing changed.
/// Usage: e2e-reprioritize --kev FILE [--findings 1000000] [--assets 20] [--epss-rows 300000] [--uniform-epss] [--db CS] [--work DIR]
/// </summary>
internal static class ReprioritizeRun
{
    private static readonly string[] Vectors =
    [
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", // 9.8 automatable, total
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", // 7.5 automatable, partial
        "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", // 7.8 local, total
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", // 6.1 user interaction, partial
        "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", // 8.8 privileges, total
        "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N", // 3.7 high complexity, partial
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var findings = int.Parse(Arg(args, "--findings") ?? "1000000", CultureInfo.InvariantCulture);
        var assets = int.Parse(Arg(args, "--assets") ?? "20", CultureInfo.InvariantCulture);
        var epssRows = int.Parse(Arg(args, "--epss-rows") ?? "300000", CultureInfo.InvariantCulture);
        var kev = Arg(args, "--kev") ?? throw new ArgumentException("--kev FILE (the CISA KEV catalog JSON) is required");
        var work = Path.GetFullPath(Arg(args, "--work") ?? "/tmp/rampart-perf-reprio");
        Directory.CreateDirectory(work);
        var target = DatabaseTarget.Resolve(Arg(args, "--db") ?? Path.Combine(work, $"reprio-{Guid.NewGuid():N}.db"), work);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"database {target.Describe()}; {findings:N0} findings on {assets} assets; EPSS days of {epssRows:N0} rows"));

        var day1 = Path.Combine(work, "epss-day1.csv.gz");
        var day2 = Path.Combine(work, "epss-day2.csv.gz");
        var uniform = args.Contains("--uniform-epss");
        if (uniform)
        {
            FeedLoadRun.Write(day1, epssRows, new DateOnly(2026, 9, 28), seed: 1);
            FeedLoadRun.Write(day2, epssRows, new DateOnly(2026, 9, 29), seed: 2);
        }
        else
        {
            WriteSkewedDay(day1, epssRows, new DateOnly(2026, 9, 28), drift: 0);
            WriteSkewedDay(day2, epssRows, new DateOnly(2026, 9, 29), drift: 0.005);
        }
        var kevIds = KevIds(kev);

        await using var services = new ServiceCollection()
            .AddLogging(logging => logging
                .AddSimpleConsole(console => console.SingleLine = true)
                .SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None)
                .AddFilter("Rampart.Services.Prioritization", LogLevel.Information))
            .AddSingleton(FeedSettings.InDataDirectory(work))
            .AddRampartServices(target, work)
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<RampartDbContext>());
        }

        var setup = Stopwatch.StartNew();
        var perAsset = findings / assets;
        for (var a = 0; a < assets; a++)
        {
            var report = Path.Combine(work, $"asset-{a}.json");
            WriteReport(report, a, perAsset, epssRows, kevIds);
            await using var scope = services.CreateAsyncScope();
            await using var stream = File.OpenRead(report);
            await scope.ServiceProvider.GetRequiredService<ImportService>().ImportAsync(new ImportRequest($"reprio-asset-{a}", stream, Path.GetFileName(report)));
            File.Delete(report);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RampartDbContext>();
            var rows = await db.Assets.ToListAsync();
            foreach (var asset in rows)
            {
                var n = int.Parse(asset.Name["reprio-asset-".Length..], CultureInfo.InvariantCulture);
                asset.Exposure = (Exposure)(n % 3);
                asset.Criticality = (Criticality)(n / 3 % 4);
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"setup: {findings:N0} findings imported in {setup.Elapsed.TotalSeconds:F1} s"));
        await TimeAsync(services, "re-decide after the asset context was set (setup)", p => Reprioritize(p, "setup"));

        await TimeAsync(services, "EPSS day 1 + re-prioritization", p => Feed(p, s => s.UpdateEpssAsync(day1)));
        await TimeAsync(services, "EPSS day 2 + re-prioritization", p => Feed(p, s => s.UpdateEpssAsync(day2)));
        await TimeAsync(services, "KEV catalog + re-prioritization", p => Feed(p, s => s.UpdateKevAsync(kev)));
        await TimeAsync(services, "re-prioritization alone, nothing changed", p => Reprioritize(p, "benchmark"));
        return 0;
    }

    private static async Task<string> Feed(IServiceProvider provider, Func<FeedUpdateService, Task<FeedUpdateResult>> load)
    {
        var result = await load(provider.GetRequiredService<FeedUpdateService>());
        var r = result.Reprioritization;
        return r is null
            ? result.Message
            : string.Create(CultureInfo.InvariantCulture,
                $"{result.Message}; re-decided {r.Examined:N0}, changed {r.Changed:N0}, became P1 {r.BecameP1:N0} in {r.Elapsed.TotalSeconds:F2} s");
    }

    private static async Task<string> Reprioritize(IServiceProvider provider, string cause)
    {
        var r = await provider.GetRequiredService<IReprioritizer>().ReprioritizeAsync(new ReprioritizationRequest(cause), CancellationToken.None);
        return string.Create(CultureInfo.InvariantCulture, $"re-decided {r.Examined:N0}, changed {r.Changed:N0}, became P1 {r.BecameP1:N0}");
    }

    private static async Task TimeAsync(ServiceProvider services, string what, Func<IServiceProvider, Task<string>> run)
    {
        await using var scope = services.CreateAsyncScope();
        var watch = Stopwatch.StartNew();
        var message = await run(scope.ServiceProvider);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {watch.Elapsed.TotalSeconds:F2} s — {message}"));
    }

    /// <summary>
    /// An EPSS day shaped like the real ones: most scores tiny, a few high. Score = 0.0001 × 10000^(u^4.65) for a uniform
    /// u per CVE, which puts 6% of CVEs at or above 0.1 and the median near 0.00014. Day 2 moves each u by up to
    /// ±<paramref name="drift"/>, so that, as from one real day to the next, only CVEs near a threshold change class.
    /// </summary>
    private static void WriteSkewedDay(string path, int rows, DateOnly day, double drift)
    {
        var basis = new Random(1);
        var noise = new Random(2);
        using var file = File.Create(path);
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Optimal);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false), 1 << 16);
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"#model_version:v2026.06.15,score_date:{day:yyyy-MM-dd}T00:00:00Z\n"));
        writer.Write("cve,epss,percentile\n");
        for (var i = 0; i < rows; i++)
        {
            var u = Math.Clamp(basis.NextDouble() + ((noise.NextDouble() * 2) - 1) * drift, 0, 1);
            var epss = 0.0001 * Math.Pow(10000, Math.Pow(u, 4.65));
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{FeedLoadRun.CveOf(i, rows)},{epss:F5},{u:F5}\n"));
        }
    }

    private static List<string> KevIds(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return [.. document.RootElement.GetProperty("vulnerabilities").EnumerateArray().Select(v => v.GetProperty("cveID").GetString()!)];
    }

    /// <summary>One generic-JSON report (docs/formats/generic.md) of <paramref name="count"/> vulnerability findings.</summary>
    private static void WriteReport(string path, int asset, int count, int epssRows, List<string> kevIds)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("{\"format\":\"rampart-generic\",\"version\":1,\"tool\":{\"name\":\"perf-sca\",\"version\":\"1.0\"},\"findings\":[");
        for (var i = 0; i < count; i++)
        {
            var n = (asset * count) + i;
            var cve = n % 100 == 0 ? kevIds[n / 100 % kevIds.Count] : FeedLoadRun.CveOf((int)((long)n * 7919 % epssRows), epssRows);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{(i == 0 ? "" : ",")}{{\"title\":\"{cve} in pkg-{n}\",\"severity\":\"high\",\"kind\":\"vulnerability\",\"ids\":[\"{cve}\"],\"component\":{{\"purl\":\"pkg:npm/pkg-{n}@1.0.{n % 10}\"}},\"cvss\":[\"{Vectors[n % Vectors.Length]}\"]}}"));
        }

        writer.Write("]}");
    }

    private static string? Arg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
