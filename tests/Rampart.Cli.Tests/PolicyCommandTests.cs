using System.Text.Json;
using Rampart.Core.Policies;
using Rampart.Data;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

/// <summary>The policy lifecycle from the command line, each step as the user named with --as.</summary>
public sealed class PolicyCommandTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Policy_StarterTemplateThroughTheLifecycle_EndsInForceWithEvidence(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cs = db.Target.ConnectionString;
        var file = Path.Combine(_scratch.Path, PolicyTemplate.FileName);
        await File.WriteAllTextAsync(file, PolicyTemplate.Starter, TestContext.Current.CancellationToken);
        await Ok(RampartProcess.RunAsync(cs, "users", "add", "alice", "--roles", "approver", "--teams", "security")); // an approver, but the author
        await Ok(RampartProcess.RunAsync(cs, "users", "add", "bob", "--roles", "approver", "--teams", "security"));

        var imported = await Ok(RampartProcess.RunAsync(cs, "policy", "import", file, "--as", "alice", "--json"));
        await Ok(RampartProcess.RunAsync(cs, "policy", "submit", "1", "--as", "alice", "--comment", "first policy"));
        var self = await RampartProcess.RunAsync(cs, "policy", "approve", "1", "--as", "alice");
        var approved = await Ok(RampartProcess.RunAsync(cs, "policy", "approve", "1", "--as", "bob"));
        var published = await Ok(RampartProcess.RunAsync(cs, "policy", "publish", "1", "--due-dates", "recompute", "--as", "bob"));
        var ack = await Ok(RampartProcess.RunAsync(cs, "policy", "ack", "1", "--as", "alice"));
        var evidence = await Ok(RampartProcess.RunAsync(cs, "policy", "evidence", "--json"));

        using var version = JsonDocument.Parse(imported);
        Assert.Equal(1, version.RootElement.GetProperty("number").GetInt32());
        Assert.Empty(version.RootElement.GetProperty("warnings").EnumerateArray()); // the starter covers every layer
        Assert.Equal(2, self.ExitCode);
        Assert.Equal("rampart: error: alice wrote version 1; the approver must be someone other than the author.", self.StdErr.Trim());
        Assert.Equal("Version 1 is now Approved (approve by bob).", approved.Trim());
        Assert.StartsWith("Version 1 is in force; 0 open findings' due dates recomputed;", published, StringComparison.Ordinal);
        Assert.StartsWith("alice acknowledged version 1 (sha256 ", ack, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(evidence);
        var approval = json.RootElement.GetProperty("approval");
        Assert.Equal(("alice", "bob", true), (approval.GetProperty("author").GetString(), approval.GetProperty("approvedBy").GetString(), approval.GetProperty("hashMatches").GetBoolean()));
        var transitions = json.RootElement.GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("to").GetString()).ToList();
        Assert.Equal(["draft", "inReview", "approved", "published"], transitions);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PolicyImport_UnknownKey_ExitsTwoNamingFileLineAndSuggestion(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await Ok(RampartProcess.RunAsync(db.Target.ConnectionString, "users", "add", "alice"));
        var file = Path.Combine(_scratch.Path, "bad.md");
        await File.WriteAllTextAsync(file, "---\ntitle: Bad\nreview-intervall-months: 6\n---\n# Bad\n", TestContext.Current.CancellationToken);

        var result = await RampartProcess.RunAsync(db.Target.ConnectionString, "policy", "import", file, "--as", "alice");
        var list = await Ok(RampartProcess.RunAsync(db.Target.ConnectionString, "policy", "list"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("rampart: error: bad.md:3: ", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("review-interval-months", result.StdErr, StringComparison.Ordinal);
        Assert.Equal("", list.Trim()); // nothing imported
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PolicyShow_NoVersionInForce_ExitsThree(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var result = await RampartProcess.RunAsync(db.Target.ConnectionString, "policy", "show");

        Assert.Equal((3, "rampart: error: No policy version is in force; publish one first."), (result.ExitCode, result.StdErr.Trim()));
    }

    private static async Task<string> Ok(Task<RampartProcess.Outcome> run)
    {
        var outcome = await run;
        Assert.True(outcome.ExitCode == 0, outcome.StdErr);
        return outcome.StdOut;
    }
}
