using System.Text.Json;
using Rampart.Data;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

/// <summary>
/// Priorities from the command line. The report is Grype 0.41.0's CycloneDX SBOM of log4j-core 2.13.2 (corpus); its
/// CVE-2021-44228 vector is CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H (automatable, total impact). Outcomes are read
/// off CISA's SSVC table by hand.
/// </summary>
public sealed class CliPrioritizationTests
{
    private const string Log4jSbom = "cyclonedx/cdx-1.4_grype-0.41.0_log4j.json";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AssetsSetThenShow_PrintsTheNewDecisionAndItsCause(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await Log4ShellAsync(db);

        var set = await RampartProcess.RunAsync(db.Target.ConnectionString, "assets", "set", "shop-api", "--criticality", "High", "--exposure", "Internet", "--json");
        var show = await RampartProcess.RunAsync(db.Target.ConnectionString, "findings", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // High criticality and internet-facing: mission high; none · automatable · total · high → Attend (row 11) → P2.
        Assert.True(set.ExitCode == 0, set.StdErr);
        using var result = JsonDocument.Parse(set.StdOut);
        Assert.Equal(8, result.RootElement.GetProperty("examined").GetInt32());
        Assert.True(show.ExitCode == 0, show.StdErr);
        Assert.Contains("Priority P2 · SSVC Attend · exploitation none", show.StdOut, StringComparison.Ordinal);
        Assert.Contains("→ Attend → P2", show.StdOut, StringComparison.Ordinal);
        Assert.Contains("asset:shop-api", show.StdOut, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Override_WithJustification_SetsItAndShowJsonHasBoth(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = (await Log4ShellAsync(db)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var set = await RampartProcess.RunAsync(db.Target.ConnectionString, "findings", "override", id, "--priority", "P1", "--justification", "Exploited at a sister company", "--by", "alice");
        var show = await RampartProcess.RunAsync(db.Target.ConnectionString, "findings", "show", id, "--json");

        Assert.True(set.ExitCode == 0, set.StdErr);
        Assert.Contains("P4 → P1", set.StdOut, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(show.StdOut);
        var decision = json.RootElement.GetProperty("prioritization");
        Assert.Equal("p1", decision.GetProperty("effective").GetString()); // the CLI writes enums in camel case, as `findings --json` does
        Assert.Equal("p4", decision.GetProperty("computed").GetString());
        Assert.Equal("alice", decision.GetProperty("override").GetProperty("by").GetString());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Override_WithoutJustification_ExitsTwoAndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = (await Log4ShellAsync(db)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var set = await RampartProcess.RunAsync(db.Target.ConnectionString, "findings", "override", id, "--priority", "P1");
        var unknownAsset = await RampartProcess.RunAsync(db.Target.ConnectionString, "assets", "set", "no-such-asset", "--criticality", "High");
        var show = await RampartProcess.RunAsync(db.Target.ConnectionString, "findings", "show", id, "--json");

        Assert.Equal(2, set.ExitCode);
        Assert.Contains("justification", set.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, unknownAsset.ExitCode);
        Assert.Contains("no-such-asset", unknownAsset.StdErr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(show.StdOut);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("prioritization").GetProperty("override").ValueKind);
        Assert.Equal(0, json.RootElement.GetProperty("priorityHistory").GetArrayLength());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reprioritize_WithNothingChanged_ExaminesAllAndChangesNone(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await Log4ShellAsync(db);

        var run = await RampartProcess.RunAsync(db.Target.ConnectionString, "reprioritize", "--json");

        Assert.True(run.ExitCode == 0, run.StdErr);
        using var json = JsonDocument.Parse(run.StdOut);
        Assert.Equal(8, json.RootElement.GetProperty("examined").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("changed").GetInt32());
    }

    private static async Task<long> Log4ShellAsync(TestDatabase db)
    {
        var import = await RampartProcess.RunAsync(db.Target.ConnectionString, "import", Corpus.File(Log4jSbom), "--asset", "shop-api");
        Assert.True(import.ExitCode == 0, import.StdErr);
        var list = await RampartProcess.RunAsync(db.Target.ConnectionString, "findings", "--asset", "shop-api", "--json");
        using var json = JsonDocument.Parse(list.StdOut);
        return json.RootElement.EnumerateArray()
            .Single(f => f.GetProperty("vulnerabilityIds").EnumerateArray().Any(v => v.GetString() == "CVE-2021-44228"))
            .GetProperty("id").GetInt64();
    }
}
