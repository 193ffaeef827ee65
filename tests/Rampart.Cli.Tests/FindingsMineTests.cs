using System.Text.Json;
using Rampart.Data;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

/// <summary><c>rampart findings --mine</c>: what a user must fix next, on both databases.</summary>
public sealed class FindingsMineTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Mine_AfterAssignment_ListsTheUsersFindingsMostUrgentFirst(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cs = db.Target.ConnectionString;
        await Ok(RampartProcess.RunAsync(cs, "users", "add", "dev", "--teams", "platform"));
        // Trivy's alpine 3.10 scan (corpus): 4 vulnerabilities, all P4 with Rampart's defaults.
        await Ok(RampartProcess.RunAsync(cs, "import", Corpus.File("trivy/schema2_image_alpine-310.json"), "--asset", "alpine"));
        await Ok(RampartProcess.RunAsync(cs, "assets", "set", "alpine", "--owner-team", "platform"));

        var before = await Ok(RampartProcess.RunAsync(cs, "findings", "--mine", "--as", "dev"));
        var team = await Ok(RampartProcess.RunAsync(cs, "findings", "--mine", "--team", "--as", "dev", "--json"));
        var stranger = await RampartProcess.RunAsync(cs, "findings", "--mine", "--as", "nobody-here");

        Assert.Equal("Nothing to fix: no open finding is assigned to you.", before.Trim());
        using var json = JsonDocument.Parse(team);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(4, items.Count); // unassigned, on an asset dev's team owns (the CLI writes enums in camelCase)
        Assert.All(items, i => Assert.Equal(("p4", "alpine"), (i.GetProperty("priority").GetString(), i.GetProperty("asset").GetString())));
        Assert.Equal(2, stranger.ExitCode);
        Assert.Contains("nobody-here", stranger.StdErr, StringComparison.Ordinal);
    }

    private static async Task<string> Ok(Task<RampartProcess.Outcome> run)
    {
        var outcome = await run;
        Assert.True(outcome.ExitCode == 0, $"rampart exited {outcome.ExitCode}: {outcome.StdErr}");
        return outcome.StdOut;
    }
}
