using System.Text.Json;
using Rampart.Data;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

/// <summary><c>rampart remediation check|escalations</c> on both databases.</summary>
public sealed class RemediationCommandTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Check_OverdueFindings_FiresEveryStepOnceAndListsThem(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cs = db.Target.ConnectionString;
        await Ok(RampartProcess.RunAsync(cs, "users", "add", "sam", "--roles", "security-lead"));
        // Trivy's alpine 3.10 scan (corpus) was created 2021-08-25: its 4 findings are P4, due 180 days later (Rampart's
        // defaults), so all are years past due; nobody is assigned and the asset has no owner team.
        await Ok(RampartProcess.RunAsync(cs, "import", Corpus.File("trivy/schema2_image_alpine-310.json"), "--asset", "alpine"));

        var first = await Ok(RampartProcess.RunAsync(cs, "remediation", "check", "--json"));
        var second = await Ok(RampartProcess.RunAsync(cs, "remediation", "check"));
        var listed = await Ok(RampartProcess.RunAsync(cs, "remediation", "escalations", "1"));

        // Rampart's default chain has 3 steps (−3 assignee, 0 owner-team lead, +7 security lead): 4 findings × 3 steps,
        // every one falling back to the security lead.
        using var json = JsonDocument.Parse(first);
        Assert.Equal(0, json.RootElement.GetProperty("riskAcceptancesEnded").GetInt32());
        var steps = json.RootElement.GetProperty("escalations").GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal([(-3, 4), (0, 4), (7, 4)], steps.Select(s => (s.GetProperty("daysAfterDue").GetInt32(), s.GetProperty("findings").GetInt32())));
        Assert.All(steps, s => Assert.Equal(["sam"], s.GetProperty("recipients").EnumerateArray().Select(r => r.GetString())));
        Assert.StartsWith("0 risk acceptances ended; escalation under Rampart defaults (no policy in force): 0 steps fired.", second, StringComparison.Ordinal);
        var lines = listed.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Assert.EndsWith("\tsam\tdue 2022-02-21", line.TrimEnd(), StringComparison.Ordinal));
    }

    private static async Task<string> Ok(Task<RampartProcess.Outcome> run)
    {
        var outcome = await run;
        Assert.True(outcome.ExitCode == 0, $"rampart exited {outcome.ExitCode}: {outcome.StdErr}");
        return outcome.StdOut;
    }
}
