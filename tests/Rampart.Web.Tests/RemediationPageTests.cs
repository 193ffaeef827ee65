using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rampart.Core.Security;
using Rampart.Core.Workflow;
using Rampart.Data;
using Rampart.Services.Security;
using Rampart.Testing;

namespace Rampart.Web.Tests;

/// <summary>
/// The remediation pages: the bulk action on the findings list's filter, My work, and a refused step on the finding
/// page. Findings: Trivy's alpine 3.10 scan (corpus), 4 vulnerabilities, all P4.
/// </summary>
public sealed partial class RemediationPageTests
{
    private const string Password = "remediation password 1";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BulkAssign_OnTheFilter_AssignsEveryMatchAndMyWorkListsThem(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await Uploads.PostAsync(await host.WithTokenAsync(), "trivy/schema2_image_alpine-310.json", "alpine");
        var lead = await SignedInAsync(host, "lena", [Roles.SecurityLead]);
        var dev = await SignedInAsync(host, "dev", []);
        await host.UseAsync<RampartDbContext, int>(db => db.Assets.Where(a => a.Name == "alpine")
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.OwnerTeam, "platform"), TestContext.Current.CancellationToken));
        await host.UseAsync<UserService, User>(users => users.SetAccessAsync("dev", [], ["platform"]));

        var bulk = await WebTestHost.PostFormAsync(lead, "/findings?asset=alpine&handler=Bulk", new()
        {
            ["BulkOperation"] = "Assign",
            ["BulkAssignee"] = "dev",
            ["BulkComment"] = "Yours: the image is built by platform.",
        });
        var html = await bulk.Content.ReadAsStringAsync();
        var work = await dev.GetStringAsync("/work");
        var outsider = await WebTestHost.PostFormAsync(lead, "/findings?asset=alpine&handler=Bulk", new() { ["BulkOperation"] = "Assign", ["BulkAssignee"] = "nobody-here" });

        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        Assert.Contains("Assign: 4 of 4 selected findings changed.", html, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(work, "data-testid=\"work-item\""));
        Assert.Equal(HttpStatusCode.Conflict, outsider.StatusCode);
        Assert.Contains("Nothing was changed.", await outsider.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var assignees = await host.UseAsync<RampartDbContext, List<string?>>(db => db.Findings.Select(f => f.Assignee).ToListAsync(TestContext.Current.CancellationToken));
        Assert.All(assignees, a => Assert.Equal("dev", a));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindingPage_VerifyByAUserWithoutTheRight_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await Uploads.PostAsync(await host.WithTokenAsync(), "trivy/schema2_image_alpine-310.json", "alpine");
        var dev = await SignedInAsync(host, "dev", []);
        await host.UseAsync<RampartDbContext, int>(db => db.Assets.Where(a => a.Name == "alpine")
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.OwnerTeam, "platform"), TestContext.Current.CancellationToken));
        await host.UseAsync<UserService, User>(users => users.SetAccessAsync("dev", [], ["platform"]));
        var id = await host.UseAsync<RampartDbContext, long>(db => db.Findings.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync(TestContext.Current.CancellationToken));

        var fix = await WebTestHost.PostFormAsync(dev, $"/findings/{id}?handler=Step", new() { ["StepAction"] = "fix", ["StepComment"] = "Upgraded musl." });
        var verify = await WebTestHost.PostFormAsync(dev, $"/findings/{id}?handler=Step", new() { ["StepAction"] = "verify", ["StepComment"] = "I checked it myself." });
        var refusal = await verify.Content.ReadAsStringAsync();
        var page = await dev.GetStringAsync($"/findings/{id}");

        // Only an admin or a security lead verifies by hand (docs/remediation.md); dev owns the asset but holds neither.
        Assert.Equal(HttpStatusCode.Redirect, fix.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, verify.StatusCode);
        Assert.Contains("data-testid=\"workflow-error\"", refusal, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed.", refusal, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"workflow-state\">Fixed (awaiting verification)</dd>", page, StringComparison.Ordinal);
        var state = await host.UseAsync<RampartDbContext, WorkflowState>(db => db.Findings.Where(f => f.Id == id).Select(f => f.State).SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(WorkflowState.FixedAwaitingVerification, state);
    }

    private static async Task<HttpClient> SignedInAsync(WebTestHost host, string userName, string[] roles)
    {
        var client = await host.SignedInAsync(userName, Password);
        await host.UseAsync<UserService, User>(users => users.SetAccessAsync(userName, roles, []));
        return client;
    }
}
