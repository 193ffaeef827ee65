using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rampart.Core.Security;
using Rampart.Data;
using Rampart.Services.Security;
using Rampart.Testing;

namespace Rampart.Web.Tests;

/// <summary>
/// The remediation clock's API: escalations of a finding, stopping the clock (refused under Rampart's defaults, which do
/// not allow it) and running the hourly check by hand. Findings: Trivy's alpine 3.10 scan (corpus), 4 of them.
/// </summary>
public sealed partial class RemediationApiTests
{
    private const string Password = "remediation password 1";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Checks_BySecurityLead_FireTheBreachStepAndTheFindingListsIt(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var id = await ImportOneOverdueAsync(host);
        var lead = await SessionAsync(host, "lena", [Roles.SecurityLead]);
        var dev = await SessionAsync(host, "dev", []);

        var refused = await dev.PostAsync("/api/v1/remediation/checks", null);
        var checks = await lead.PostAsync("/api/v1/remediation/checks", null);
        var escalations = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/findings/{id}/escalations");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("dev may not run the remediation checks", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, checks.StatusCode);
        // Due 10 days ago (set below): Rampart's default chain has steps at −3 (assignee), 0 (owner-team lead) and +7
        // (security lead) days, and all three have come. Nobody is assigned and the asset has no owner team, so the
        // first two fall back to the security lead, lena.
        var result = await checks.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, result.GetProperty("escalations").GetProperty("fired").GetInt32());
        Assert.Equal([(-3, "lena"), (0, "lena"), (7, "lena")], escalations.EnumerateArray().Select(e => (e.GetProperty("daysAfterDue").GetInt32(), e.GetProperty("recipients").GetString())));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pause_UnderDefaults_Is409AndTheClockRuns(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var id = await ImportOneOverdueAsync(host);
        var lead = await SessionAsync(host, "lena", [Roles.SecurityLead]);

        var pause = await lead.PostAsJsonAsync($"/api/v1/findings/{id}/sla/pause", new { reason = "Waiting on Alpine's musl fix." });
        var pauses = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/findings/{id}/sla/pauses");
        var missing = await lead.PostAsJsonAsync("/api/v1/findings/999999/sla/resume", new { });

        Assert.Equal(HttpStatusCode.Conflict, pause.StatusCode);
        Assert.Contains("pause-sla-while-waiting-on-vendor: false", await pause.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, pauses.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>Imports the alpine scan and makes its first finding due 10 days ago; returns its id.</summary>
    private static async Task<long> ImportOneOverdueAsync(WebTestHost host)
    {
        await Uploads.PostAsync(await host.WithTokenAsync(), "trivy/schema2_image_alpine-310.json", "alpine");
        return await host.UseAsync<RampartDbContext, long>(async db =>
        {
            var findings = await db.Findings.OrderBy(f => f.Id).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(4, findings.Count);
            foreach (var f in findings.Skip(1))
            {
                f.DueDate = DateTimeOffset.UtcNow.AddDays(100);
            }

            findings[0].DueDate = DateTimeOffset.UtcNow.AddDays(-10);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return findings[0].Id;
        });
    }

    private static async Task<HttpClient> SessionAsync(WebTestHost host, string userName, string[] roles)
    {
        var client = await host.SignedInAsync(userName, Password);
        await host.UseAsync<UserService, User>(users => users.SetAccessAsync(userName, roles, []));
        var page = await client.GetStringAsync("/");
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "The signed-in layout should carry an antiforgery token.");
        client.DefaultRequestHeaders.Add("RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value));
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
