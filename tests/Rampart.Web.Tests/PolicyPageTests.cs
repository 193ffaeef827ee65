using System.Net;
using System.Text.RegularExpressions;
using Rampart.Core.Policies;
using Rampart.Core.Security;
using Rampart.Data;
using Rampart.Services.Policies;
using Rampart.Services.Security;
using Rampart.Testing;

namespace Rampart.Web.Tests;

/// <summary>
/// The policy pages (/policy, /policy/{n}, /policy/diff, /policy/evidence) driven through their forms as signed-in
/// people. The document is Rampart's starter (docs/policy-template.md): P1 7 days, acceptance at most 90 days, review
/// every 12 months (line 61), stakeholder teams security, platform and ml-engineering.
/// </summary>
public sealed partial class PolicyPageTests
{
    private const string Author = "alice";
    private const string Approver = "bob";
    private const string Password = "policy password 12";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Index_NoVersion_SaysDefaultsApplyAndOffersTheTemplate(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var browser = await host.SignedInAsync();

        var html = await browser.GetStringAsync("/policy");
        var template = await browser.GetAsync("/policy?handler=Template");

        Assert.Contains("data-testid=\"policy-none\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"policy-template\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal("text/markdown", template.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PolicyTemplate.Starter, await template.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Lifecycle_ThroughTheForms_DraftReviewApprovePublishAcknowledge(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var author = await SignedInAsync(host, Author, roles: [], teams: ["platform"]);
        var approver = await SignedInAsync(host, Approver, roles: [Roles.Approver], teams: ["security"]);

        var import = await WebTestHost.PostFormAsync(author, "/policy", new() { ["Text"] = PolicyTemplate.Starter });
        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        Assert.Equal("/policy/1", import.Headers.Location?.OriginalString);
        var draft = await author.GetStringAsync("/policy/1");
        Assert.Equal("Draft", Status(draft));
        Assert.Contains("data-testid=\"policy-submit\"", draft, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await WebTestHost.PostFormAsync(author, "/policy/1?handler=Submit", new() { ["Comment"] = "ready" })).StatusCode);
        var inReviewForAuthor = await author.GetStringAsync("/policy/1");
        Assert.Equal("In review", Status(inReviewForAuthor));
        Assert.Contains("data-testid=\"policy-needs-approver\"", inReviewForAuthor, StringComparison.Ordinal); // alice holds no approver role
        Assert.DoesNotContain("data-testid=\"policy-approve\"", inReviewForAuthor, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await WebTestHost.PostFormAsync(approver, "/policy/1?handler=Approve", new() { ["Comment"] = "read it" })).StatusCode);
        var approved = await approver.GetStringAsync("/policy/1");
        Assert.Equal("Approved", Status(approved));
        Assert.Contains("data-testid=\"policy-approved-by\">bob on", approved, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await WebTestHost.PostFormAsync(approver, "/policy/1?handler=Publish", new() { ["DueDates"] = "Recompute" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WebTestHost.PostFormAsync(approver, "/policy/1?handler=Acknowledge", [])).StatusCode);
        var published = await approver.GetStringAsync("/policy/1");
        var index = await approver.GetStringAsync("/policy");
        var evidence = await approver.GetStringAsync("/policy/evidence");

        Assert.Equal("Published", Status(published));
        Assert.DoesNotContain("data-testid=\"policy-acknowledge\"", published, StringComparison.Ordinal); // bob has acknowledged
        Assert.Contains("open findings' due dates recomputed", published, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(published, "data-testid=\"policy-acknowledgement\"><td>bob</td>"));
        // The history: Draft (import), In review, Approved, Published — one row each.
        Assert.Equal(4, Regex.Count(Section(published, "policy-history"), "<tr>") - 1);
        Assert.Contains("data-testid=\"policy-in-force\"", index, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">7</td>", Section(published, "policy-timeframes"), StringComparison.Ordinal); // P1 default
        Assert.Contains("data-testid=\"policy-acceptance-days\">90 days</dd>", published, StringComparison.Ordinal);
        // Evidence: alice (platform) and bob (security) are the stakeholders the teams name; bob acknowledged.
        Assert.Contains("<strong>1 of 2</strong>", evidence, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"evidence-missing\">Missing: alice</p>", evidence, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"evidence-hash\">match</dd>", evidence, StringComparison.Ordinal);

        // alice can still acknowledge the version in force; it is recorded under her name.
        Assert.Contains("data-testid=\"policy-acknowledge\"", await author.GetStringAsync("/policy/1"), StringComparison.Ordinal);
        await WebTestHost.PostFormAsync(author, "/policy/1?handler=Acknowledge", []);
        Assert.Contains("<strong>2 of 2</strong>", await approver.GetStringAsync("/policy/evidence"), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approve_ByTheAuthor_IsRefusedOnThePageAndChangesNothing(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var author = await SignedInAsync(host, Author, roles: [Roles.Approver], teams: []);
        await WebTestHost.PostFormAsync(author, "/policy", new() { ["Text"] = PolicyTemplate.Starter });
        await WebTestHost.PostFormAsync(author, "/policy/1?handler=Submit", []);

        var response = await WebTestHost.PostFormAsync(author, "/policy/1?handler=Approve", new() { ["Comment"] = "mine" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("alice wrote version 1; the approver must be someone other than the author.", html, StringComparison.Ordinal);
        Assert.Equal("In review", Status(await author.GetStringAsync("/policy/1")));
        var version = await host.UseAsync<PolicyQueries, PolicyVersionDetail>(q => q.GetAsync(1));
        Assert.Null(version.Version.ApprovedBy);
        Assert.Equal(2, version.Transitions.Count);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_ReviewIntervalOver12Months_ShowsFileAndLineAndImportsNothing(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var author = await SignedInAsync(host, Author, roles: [], teams: []);
        var text = PolicyTemplate.Starter.Replace("review-interval-months: 12", "review-interval-months: 13", StringComparison.Ordinal);

        var response = await WebTestHost.PostFormAsync(author, "/policy", new() { ["Text"] = text });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // Line 61 of docs/policy-template.md holds review-interval-months; the message is PolicyFrontMatter's.
        Assert.Contains("pasted.md:61: review interval 13 months is over the 12 months TVM-01 allows", html, StringComparison.Ordinal);
        Assert.Empty(await host.UseAsync<PolicyQueries, IReadOnlyList<PolicyVersionSummary>>(q => q.ListAsync()));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Detail_HostileMarkdown_IsRenderedWithoutScriptsHandlersOrJavascriptLinks(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var author = await SignedInAsync(host, Author, roles: [], teams: []);
        var text = PolicyTemplate.Starter.Replace(
            "# Threat and Vulnerability Management Policy",
            "# Threat and Vulnerability Management Policy\n\n<script>alert('body')</script>\n<p onclick=\"alert('click')\">Click</p>\n\n[run](javascript:alert('link')) and **bold** and [mail](mailto:security@example.com)\n",
            StringComparison.Ordinal);
        await WebTestHost.PostFormAsync(author, "/policy", new() { ["Text"] = text });

        var body = Section(await author.GetStringAsync("/policy/1"), "policy-body");

        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<strong>bold</strong>", body, StringComparison.Ordinal); // Markdown still renders
        Assert.Contains("href=\"mailto:security@example.com\"", body, StringComparison.Ordinal);
        Assert.Contains("<h1", body, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Diff_TwoVersions_ShowsTheChangedLine(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var author = await SignedInAsync(host, Author, roles: [], teams: []);
        await WebTestHost.PostFormAsync(author, "/policy", new() { ["Text"] = PolicyTemplate.Starter });
        var second = PolicyTemplate.Starter.Replace("remediation-days: {P1: 7,", "remediation-days: {P1: 5,", StringComparison.Ordinal);
        await WebTestHost.PostFormAsync(author, "/policy", new() { ["Text"] = second });

        var html = await author.GetStringAsync("/policy/diff?from=1&to=2");
        var missing = await author.GetAsync("/policy/diff?from=1&to=9");

        // One line changed (line 3 of the template): DiffPlex reports it as one removal and one addition.
        Assert.Contains("data-testid=\"diff-summary\">1 lines added, 1 removed.", html, StringComparison.Ordinal);
        Assert.Contains("<del class=\"error\">remediation-days: {P1: 7, P2: 30, P3: 90, P4: 180}</del>", html, StringComparison.Ordinal);
        Assert.Contains("<ins class=\"badge-status-fixed\">remediation-days: {P1: 5, P2: 30, P3: 90, P4: 180}</ins>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Evidence_RecordSignificantChange_MakesTheReviewDueNow(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var author = await SignedInAsync(host, Author, roles: [], teams: []);
        var approver = await SignedInAsync(host, Approver, roles: [Roles.Approver], teams: []);
        await WebTestHost.PostFormAsync(author, "/policy", new() { ["Text"] = PolicyTemplate.Starter });
        await WebTestHost.PostFormAsync(author, "/policy/1?handler=Submit", []);
        await WebTestHost.PostFormAsync(approver, "/policy/1?handler=Approve", []);
        await WebTestHost.PostFormAsync(approver, "/policy/1?handler=Publish", new() { ["DueDates"] = "Keep" });
        var before = await approver.GetStringAsync("/policy/evidence");

        var record = await WebTestHost.PostFormAsync(approver, "/policy/evidence", new() { ["Kind"] = "new-regulation", ["Description"] = "The EU AI Act's obligations apply." });
        var after = await approver.GetStringAsync("/policy/evidence");
        var refused = await WebTestHost.PostFormAsync(approver, "/policy/evidence", new() { ["Kind"] = "weather", ["Description"] = "It rained." });

        Assert.Contains("Open significant changes (0)", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, record.StatusCode);
        Assert.Contains("Open significant changes (1)", after, StringComparison.Ordinal);
        Assert.Contains("The EU AI Act&#x27;s obligations apply.", Section(after, "evidence-changes"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Choose the kind of change.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Open significant changes (1)", await approver.GetStringAsync("/policy/evidence"), StringComparison.Ordinal);
    }

    private static async Task<HttpClient> SignedInAsync(WebTestHost host, string userName, string[] roles, string[] teams)
    {
        var client = await host.SignedInAsync(userName, Password);
        await host.UseAsync<UserService, User>(users => users.SetAccessAsync(userName, roles, teams));
        return client;
    }

    private static string Status(string html) => StatusBadge().Match(html).Groups[1].Value;

    /// <summary>The element carrying data-testid=<paramref name="testId"/> up to the end of the page (enough to search within).</summary>
    private static string Section(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The page should contain data-testid=\"{testId}\".");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }

    [GeneratedRegex("<span class=\"[^\"]*\" data-testid=\"policy-status\">([^<]+)</span>")]
    private static partial Regex StatusBadge();
}
