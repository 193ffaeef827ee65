using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Security;
using Rampart.Data;
using Rampart.Services;
using Rampart.Services.Imports;
using Rampart.Services.Workflow;

namespace Rampart.Benchmarks.EndToEnd;

/// <summary>
/// Issue 6: one run of the escalation chain over <c>--findings</c> open findings (default 200,000) that are all past
/// due, so Rampart's default chain fires its three steps on each (3 × N escalation records and the digests), then a
/// second run with nothing left to fire. Setup (not timed): a synthetic SARIF report imported on <c>--assets</c> assets
/// (default 4), every due date moved 30 days into the past, one security lead.
/// Usage: e2e-escalate [--findings 200000] [--assets 4] [--db CS] [--work DIR]
/// </summary>
internal static class EscalationRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var findings = int.Parse(Arg(args, "--findings") ?? "200000", CultureInfo.InvariantCulture);
        var assets = int.Parse(Arg(args, "--assets") ?? "4", CultureInfo.InvariantCulture);
        var work = Path.GetFullPath(Arg(args, "--work") ?? "/tmp/rampart-perf-escalate");
        Directory.CreateDirectory(work);
        var target = DatabaseTarget.Resolve(Arg(args, "--db") ?? Path.Combine(work, $"escalate-{Guid.NewGuid():N}.db"), work);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"database {target.Describe()}; {findings:N0} overdue findings on {assets} assets"));

        await using var services = new ServiceCollection().AddLogging().AddRampartServices(target, work).BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<RampartDbContext>());
        }

        var setup = Stopwatch.StartNew();
        var report = Path.Combine(work, "escalate.sarif");
        SyntheticSarif.Write(report, findings / assets, seed: 42);
        for (var i = 0; i < assets; i++)
        {
            await using var scope = services.CreateAsyncScope();
            await using var stream = File.OpenRead(report);
            await scope.ServiceProvider.GetRequiredService<ImportService>().ImportAsync(new ImportRequest($"escalate-{i}", stream, "escalate.sarif"));
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RampartDbContext>();
            var past = TimeProvider.System.GetUtcNow().AddDays(-30);
            await db.Findings.ExecuteUpdateAsync(f => f.SetProperty(x => x.DueDate, past));
            db.Users.Add(new User { UserName = "lead", PasswordHash = "-", RoleList = Roles.SecurityLead });
            await db.SaveChangesAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"setup {setup.Elapsed.TotalSeconds:F1} s"));
        foreach (var run in new[] { "first run (3 steps per finding)", "second run (nothing to fire)" })
        {
            await using var scope = services.CreateAsyncScope();
            var clock = Stopwatch.StartNew();
            var result = await scope.ServiceProvider.GetRequiredService<EscalationService>().RunAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{run}: {result.Fired:N0} steps fired in {clock.Elapsed.TotalSeconds:F2} s ({(result.Fired == 0 ? 0 : clock.Elapsed.TotalMilliseconds * 1000 / result.Fired):F1} µs per step)"));
        }

        return 0;
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
