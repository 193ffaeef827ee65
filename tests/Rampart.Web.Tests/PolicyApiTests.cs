using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rampart.Core.Policies;
using Rampart.Core.Security;
using Rampart.Data;
using Rampart.Services.Security;
using Rampart.Testing;

namespace Rampart.Web.Tests;

/// <summary>
/// The TVM policy through the API, signed in as people (a step is recorded under a user's name). The document is
/// Rampart's starter (docs/policy-template.md), whose stakeholders are the teams security, platform and ml-engineering.
/// </summary>
public sealed partial class PolicyApiTests
{
    private const string Author = "alice";
    private const string Approver = "bob";
    private const string Password = "policy password 12";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Lifecycle_ImportSubmitApprovePublishAcknowledge_IsRecordedAndEvidenced(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var author = await SessionAsync(host, Author, roles: [], teams: ["platform"]);
        var approver = await SessionAsync(host, Approver, roles: [Roles.Approver], teams: ["security"]);

        var import = await author.PostAsync("/api/v1/policies", new StringContent(PolicyTemplate.Starter, Encoding.UTF8, "text/markdown"));
        var submit = await author.PostAsJsonAsync("/api/v1/policies/1/submit", new { comment = "ready for review" });
        var approve = await approver.PostAsJsonAsync("/api/v1/policies/1/approve", new { comment = "read it all" });
        var publish = await approver.PostAsJsonAsync("/api/v1/policies/1/publish", new { dueDates = "recompute", comment = "first policy" });
        var acknowledge = await approver.PostAsync("/api/v1/policies/1/acknowledge", null);
        var again = await approver.PostAsync("/api/v1/policies/1/acknowledge", null);
        var detail = await approver.GetFromJsonAsync<JsonElement>("/api/v1/policies/current");
        var evidence = await approver.GetFromJsonAsync<JsonElement>("/api/v1/policies/evidence");

        Assert.Equal(HttpStatusCode.Created, import.StatusCode);
        Assert.Equal("/api/v1/policies/1", import.Headers.Location?.OriginalString);
        var imported = await import.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Draft", imported.GetProperty("version").GetProperty("status").GetString());
        Assert.Equal(Author, imported.GetProperty("version").GetProperty("author").GetString());
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        Assert.Equal("In review", (await submit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusName").GetString());
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        var publication = await publish.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, publication.GetProperty("number").GetInt32());
        Assert.Equal(JsonValueKind.Null, publication.GetProperty("superseded").ValueKind);
        Assert.Equal(HttpStatusCode.OK, acknowledge.StatusCode);
        Assert.False((await acknowledge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alreadyAcknowledged").GetBoolean());
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alreadyAcknowledged").GetBoolean());

        // The detail: the template's values (docs/policy-template.md front matter) and the four transitions.
        Assert.Equal("Threat and Vulnerability Management Policy", detail.GetProperty("version").GetProperty("title").GetString());
        Assert.Equal(7, detail.GetProperty("parameters").GetProperty("timeframes").GetProperty("p1Days").GetInt32());
        Assert.Equal(90, detail.GetProperty("parameters").GetProperty("riskAcceptance").GetProperty("maxDays").GetInt32());
        Assert.StartsWith("# Threat and Vulnerability Management Policy", detail.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Draft", "InReview", "Approved", "Published"], detail.GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("to").GetString()));
        Assert.Equal(Approver, detail.GetProperty("transitions")[2].GetProperty("by").GetString());
        Assert.Equal(Approver, Assert.Single(detail.GetProperty("acknowledgements").EnumerateArray()).GetProperty("userName").GetString());

        // The evidence: approved by bob with the hash kept; alice (platform) and bob (security) are the people the
        // stakeholder teams name, and only bob acknowledged.
        Assert.Equal(1, evidence.GetProperty("version").GetProperty("number").GetInt32());
        Assert.Equal("Recompute", evidence.GetProperty("version").GetProperty("dueDateChoice").GetString());
        Assert.Equal(Author, evidence.GetProperty("approval").GetProperty("author").GetString());
        Assert.Equal(Approver, evidence.GetProperty("approval").GetProperty("approvedBy").GetString());
        Assert.True(evidence.GetProperty("approval").GetProperty("hashMatches").GetBoolean());
        var coverage = evidence.GetProperty("acknowledgements");
        Assert.Equal(2, coverage.GetProperty("required").GetInt32());
        Assert.Equal(1, coverage.GetProperty("acknowledged").GetInt32());
        Assert.Equal([Author], coverage.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        var security = coverage.GetProperty("byTeam").EnumerateArray().Single(t => t.GetProperty("team").GetString() == "security");
        Assert.Equal(1, security.GetProperty("acknowledged").GetInt32());
        Assert.False(evidence.GetProperty("review").GetProperty("overdue").GetBoolean());
        Assert.Equal(8, evidence.GetProperty("scope").GetProperty("layers").GetArrayLength()); // every PolicyLayer
        Assert.Equal(0, evidence.GetProperty("sla").GetProperty("open").GetInt32());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approve_ByTheAuthor_Is409WithTheReasonAndChangesNothing(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var author = await SessionAsync(host, Author, roles: [Roles.Approver], teams: []);
        await ImportAndSubmitAsync(author);

        var response = await author.PostAsJsonAsync("/api/v1/policies/1/approve", new { comment = "my own" });
        var version = await author.GetFromJsonAsync<JsonElement>("/api/v1/policies/1");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("alice wrote version 1; the approver must be someone other than the author.", problem.GetProperty("detail").GetString());
        Assert.Equal("InReview", version.GetProperty("version").GetProperty("status").GetString());
        Assert.Equal(2, version.GetProperty("transitions").GetArrayLength());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publish_NotApproved_Is409AndNothingIsInForce(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var author = await SessionAsync(host, Author, roles: [], teams: []);
        await ImportAndSubmitAsync(author);

        var response = await author.PostAsJsonAsync("/api/v1/policies/1/publish", new { dueDates = "keep" });
        var current = await author.GetAsync("/api/v1/policies/current");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("only an Approved version can be published", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, current.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publish_WithoutADueDateChoice_Is400(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var author = await SessionAsync(host, Author, roles: [], teams: []);
        await ImportAndSubmitAsync(author);

        var response = await author.PostAsJsonAsync("/api/v1/policies/1/publish", new { dueDates = "sometimes" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("dueDates", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_BadYaml_Is400NamingTheFileAndLine(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var author = await SessionAsync(host, Author, roles: [], teams: []);
        // Line 4 gives a value a second colon (YamlDotNet 18.1.0's message is quoted as it reads).
        const string text = "---\ntitle: Broken\nreview-interval-months: 6\nepss-poc-threshold: 0.1: 0.2\n---\n# Broken\n";

        var response = await author.PostAsJsonAsync("/api/v1/policies", new { fileName = "broken.md", text });
        var list = await author.GetFromJsonAsync<JsonElement>("/api/v1/policies");

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("broken.md", problem.GetProperty("fileName").GetString());
        Assert.Equal(4, problem.GetProperty("line").GetInt64());
        Assert.Equal("broken.md:4: YAML syntax error: While scanning a plain scalar value, found invalid mapping.", problem.GetProperty("detail").GetString());
        Assert.Equal(0, list.GetArrayLength());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Diff_TwoVersions_ListsTheChangedLine(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var author = await SessionAsync(host, Author, roles: [], teams: []);
        var changed = PolicyTemplate.Starter.Replace("  max-days: 90", "  max-days: 60", StringComparison.Ordinal);
        await author.PostAsJsonAsync("/api/v1/policies", new { fileName = "v1.md", text = PolicyTemplate.Starter });
        await author.PostAsJsonAsync("/api/v1/policies", new { fileName = "v2.md", text = changed });

        var diff = await author.GetFromJsonAsync<JsonElement>("/api/v1/policies/1/diff/2");

        var edits = diff.EnumerateArray().Where(l => l.GetProperty("kind").GetString() != " ").Select(l => l.GetProperty("kind").GetString() + l.GetProperty("text").GetString());
        Assert.Equal(["-  max-days: 90", "+  max-days: 60"], edits);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecordChange_OpensAReviewDueToday(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var author = await SessionAsync(host, Author, roles: [], teams: []);
        var approver = await SessionAsync(host, Approver, roles: [Roles.Approver], teams: []);
        await ImportAndSubmitAsync(author);
        await approver.PostAsJsonAsync("/api/v1/policies/1/approve", new { });
        await approver.PostAsJsonAsync("/api/v1/policies/1/publish", new { dueDates = "keep" });

        var change = await author.PostAsJsonAsync("/api/v1/policies/changes", new { kind = "major-incident", description = "Model weights leaked from a bucket." });
        var evidence = await author.GetFromJsonAsync<JsonElement>("/api/v1/policies/evidence");

        Assert.Equal(HttpStatusCode.Created, change.StatusCode);
        var open = Assert.Single(evidence.GetProperty("review").GetProperty("openSignificantChanges").EnumerateArray());
        Assert.Equal("MajorIncident", open.GetProperty("kind").GetString());
        Assert.Equal(Author, open.GetProperty("recordedBy").GetString());
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), evidence.GetProperty("review").GetProperty("reviewDue").GetString());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Policies_WithoutCredentials_Are401(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var anonymous = host.Anonymous();

        var list = await anonymous.GetAsync("/api/v1/policies");
        var import = await anonymous.PostAsync("/api/v1/policies", new StringContent(PolicyTemplate.Starter, Encoding.UTF8, "text/markdown"));
        var evidence = await anonymous.GetAsync("/api/v1/policies/evidence");

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, import.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, evidence.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WithAnApiToken_IsRefusedBecauseATokenIsNoUser(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();

        var import = await client.PostAsync("/api/v1/policies", new StringContent(PolicyTemplate.Starter, Encoding.UTF8, "text/markdown"));
        var list = await client.GetAsync("/api/v1/policies");

        Assert.Equal(HttpStatusCode.Conflict, import.StatusCode);
        Assert.Contains("token:web-tests is not a Rampart user", await import.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode); // reading works with a token
    }

    /// <summary>A session-cookie client for a new user with the roles and teams given, sending the antiforgery header the API asks of sessions.</summary>
    private static async Task<HttpClient> SessionAsync(WebTestHost host, string userName, string[] roles, string[] teams)
    {
        var client = await host.SignedInAsync(userName, Password);
        await host.UseAsync<UserService, User>(users => users.SetAccessAsync(userName, roles, teams));
        var page = await client.GetStringAsync("/");
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "The signed-in layout should carry an antiforgery token.");
        client.DefaultRequestHeaders.Add("RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value));
        return client;
    }

    private static async Task ImportAndSubmitAsync(HttpClient author)
    {
        Assert.Equal(HttpStatusCode.Created, (await author.PostAsync("/api/v1/policies", new StringContent(PolicyTemplate.Starter, Encoding.UTF8, "text/markdown"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.PostAsJsonAsync("/api/v1/policies/1/submit", new { })).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
