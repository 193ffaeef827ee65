using System.Text.Json;
using Rampart.Data;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

/// <summary><c>rampart users set --email</c>: the address notifications go to; what is not given stays.</summary>
public sealed class UsersCommandTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UsersSet_Email_SetsTheAddressAndKeepsRolesAndTeams(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await Ok(RampartProcess.RunAsync(db.Target.ConnectionString, "users", "add", "alice", "--roles", "approver", "--teams", "platform,security"));

        var set = await Ok(RampartProcess.RunAsync(db.Target.ConnectionString, "users", "set", "alice", "--email", "alice@acme.example"));
        var list = await Ok(RampartProcess.RunAsync(db.Target.ConnectionString, "users", "list", "--json"));

        Assert.Equal("alice: roles approver; teams platform security; e-mail alice@acme.example.", set.Trim());
        using var json = JsonDocument.Parse(list);
        var alice = json.RootElement.EnumerateArray().Single();
        Assert.Equal("alice@acme.example", alice.GetProperty("email").GetString());
        Assert.Equal(["platform", "security"], alice.GetProperty("teams").EnumerateArray().Select(t => t.GetString()));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UsersSet_BadEmail_ExitsTwoAndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await Ok(RampartProcess.RunAsync(db.Target.ConnectionString, "users", "add", "alice", "--teams", "platform"));

        var result = await RampartProcess.RunAsync(db.Target.ConnectionString, "users", "set", "alice", "--teams", "security", "--email", "alice at acme");
        var list = await Ok(RampartProcess.RunAsync(db.Target.ConnectionString, "users", "list"));

        Assert.Equal((2, "rampart: error: 'alice at acme' is not an e-mail address (write name@example.com, at most 320 characters)."), (result.ExitCode, result.StdErr.Trim()));
        Assert.Equal("alice\troles: none\tteams: platform\te-mail: none", list.Trim());
    }

    private static async Task<string> Ok(Task<RampartProcess.Outcome> run)
    {
        var outcome = await run;
        Assert.True(outcome.ExitCode == 0, outcome.StdErr);
        return outcome.StdOut;
    }
}
