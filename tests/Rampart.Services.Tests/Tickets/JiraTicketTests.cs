using System.Text;
using System.Text.Json.Nodes;
using Rampart.Core.Findings;
using Rampart.Core.Tickets;
using Rampart.Data;
using Rampart.Services.Delivery;
using Rampart.Services.Tests.Support;
using Rampart.Services.Tickets;
using Rampart.Testing;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Rampart.Services.Tests.Tickets;

/// <summary>
/// Jira Cloud against a local double of REST API v3 built from developer.atlassian.com (issues: create, edit, get;
/// transitions: get, do): basic auth with e-mail and API token, fields in the documented shapes, the description in
/// Atlassian Document Format, status categories "new"/"indeterminate"/"done".
/// </summary>
public sealed class JiraTicketTests : IDisposable
{
    private const string Email = "rampart@acme.example";
    private const string ApiToken = "jira-api-token";

    private readonly WireMockServer _jira = WireMockServer.Start();

    public JiraTicketTests()
    {
        _jira.Given(Request.Create().WithPath("/rest/api/3/issue").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBodyAsJson(new { id = "10000", key = "SEC-24", self = _jira.Urls[0] + "/rest/api/3/issue/10000" }));
        _jira.Given(Request.Create().WithPath("/rest/api/3/issue/SEC-24").UsingPut()).RespondWith(Response.Create().WithStatusCode(204));
        _jira.Given(Request.Create().WithPath("/rest/api/3/issue/SEC-24/transitions").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new
            {
                transitions = new object[]
                {
                    new { id = "11", name = "To Do", to = new { name = "To Do", statusCategory = new { key = "new" } } },
                    new { id = "21", name = "In Progress", to = new { name = "In Progress", statusCategory = new { key = "indeterminate" } } },
                    new { id = "31", name = "Done", to = new { name = "Done", statusCategory = new { key = "done" } } },
                },
            }));
        _jira.Given(Request.Create().WithPath("/rest/api/3/issue/SEC-24/transitions").UsingPost()).RespondWith(Response.Create().WithStatusCode(204));
        Remote("indeterminate");
    }

    public void Dispose() => _jira.Dispose();

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_OpenP1Finding_CreatesAnIssueWithBasicAuthAndDocumentFormat(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        var findingId = await TicketSeed.FindingAsync(harness);

        var result = await TicketSeed.SyncAsync(harness);

        Assert.Equal(1, result.Created);
        var post = Assert.Single(Requests("POST"));
        // Basic auth (RFC 7617): base64 of "email:api-token", computed here independently.
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Email}:{ApiToken}")), post.RequestMessage.Headers!["Authorization"].Single());
        var fields = Json(post)["fields"]!;
        Assert.Equal("SEC", (string?)fields["project"]!["key"]);
        Assert.Equal("Bug", (string?)fields["issuetype"]!["name"]);
        Assert.Equal($"[P1] {TicketSeed.Title} (payments-api)", (string?)fields["summary"]);
        Assert.Equal("2025-03-08", (string?)fields["duedate"]);
        Assert.Equal("Highest", (string?)fields["priority"]!["name"]);
        Assert.Equal(["rampart", "priority-P1"], fields["labels"]!.AsArray().Select(l => (string?)l));
        var description = fields["description"]!;
        Assert.Equal(("doc", 1), ((string?)description["type"], (int)description["version"]!));
        var paragraphs = description["content"]!.AsArray();
        Assert.All(paragraphs, p => Assert.Equal("paragraph", (string?)p!["type"]));
        Assert.Equal($"Rampart finding {findingId} on payments-api.", (string?)paragraphs[0]!["content"]![0]!["text"]);
        var link = paragraphs[^1]!["content"]![0]!;
        Assert.Equal(("link", $"https://rampart.example.com/findings/{findingId}"), ((string?)link["marks"]![0]!["type"], (string?)link["marks"]![0]!["attrs"]!["href"]));
        var ticket = await TicketSeed.TicketAsync(harness);
        Assert.Equal(("SEC-24", _jira.Urls[0] + "/browse/SEC-24"), (ticket.Key, ticket.Url));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_FindingFixed_EditsThenTransitionsToTheDoneCategory(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        var findingId = await TicketSeed.FindingAsync(harness);
        await TicketSeed.SyncAsync(harness);
        await TicketSeed.ChangeAsync(harness, findingId, f => (f.Status, f.StatusChangedAt) = (FindingStatus.Fixed, harness.Clock.GetUtcNow()));

        var result = await TicketSeed.SyncAsync(harness);

        Assert.Equal(1, result.Closed);
        var transition = Assert.Single(Requests("POST"), e => e.RequestMessage.Path.EndsWith("/transitions", StringComparison.Ordinal));
        Assert.Equal("""{"transition":{"id":"31"}}""", Json(transition).ToJsonString());
        Assert.Equal(TicketState.Closed, (await TicketSeed.TicketAsync(harness)).State);
        // The closed ticket is not polled any more: Rampart closed it.
        var polls = _jira.LogEntries.Count(e => e.RequestMessage.Method == "GET" && e.RequestMessage.Path == "/rest/api/3/issue/SEC-24");
        await TicketSeed.SyncAsync(harness);
        Assert.Equal(polls, _jira.LogEntries.Count(e => e.RequestMessage.Method == "GET" && e.RequestMessage.Path == "/rest/api/3/issue/SEC-24"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_IssueDoneByAPerson_TellsTheTeamWhoClosedItFromTheChangelog(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        var findingId = await TicketSeed.FindingAsync(harness);
        await TicketSeed.SyncAsync(harness);
        Remote("done");

        var result = await TicketSeed.SyncAsync(harness);

        Assert.Equal(1, result.ClosedInTracker);
        var poll = _jira.LogEntries.Last(e => e.RequestMessage.Method == "GET" && e.RequestMessage.Path == "/rest/api/3/issue/SEC-24").RequestMessage;
        Assert.Equal(("status", "changelog"), (poll.Query!["fields"].Single(), poll.Query["expand"].Single()));
        Assert.Equal("Mia Krystof", (await TicketSeed.TicketAsync(harness)).ClosedBy); // the later of the two status changes
        var notice = Assert.Single(await TicketSeed.NotificationsAsync(harness));
        Assert.Equal(("team:platform", $"jira ticket SEC-24 was closed by Mia Krystof; finding {findingId} is still open"), (notice.Recipient, notice.Subject));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_JiraRejectsAField_ReportsJirasMessage(DatabaseProvider provider)
    {
        _jira.Reset();
        _jira.Given(Request.Create().WithPath("/rest/api/3/issue").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBodyAsJson(new { errorMessages = Array.Empty<string>(), errors = new { duedate = "Field 'duedate' cannot be set." } }));
        await using var harness = await CreateAsync(provider);
        await TicketSeed.FindingAsync(harness);

        var exception = await Assert.ThrowsAsync<TicketTrackerException>(() =>
            harness.RunAsync<IEnumerable<ITicketTracker>, TicketReference>(trackers => trackers.Single().CreateAsync(
                new TicketContent(1, "t", ["line"], Priority.P1, null, "a", null), TestContext.Current.CancellationToken)));

        Assert.Equal("Jira answered 400 to POST /rest/api/3/issue: duedate: Field 'duedate' cannot be set.", exception.Message);
        Assert.DoesNotContain(ApiToken, exception.Message, StringComparison.Ordinal);
    }

    private Task<ServiceHarness> CreateAsync(DatabaseProvider provider) =>
        ServiceHarness.CreateAsync(provider, services => services.AddRampartDelivery(new DeliveryOptions
        {
            BaseUrl = new Uri("https://rampart.example.com/"),
            Tickets = new TicketOptions
            {
                MinimumPriority = Priority.P1,
                Jira = new JiraTicketOptions
                {
                    Url = new Uri(_jira.Urls[0] + "/"), Email = Email, ApiToken = ApiToken, Project = "SEC",
                    Priorities = new Dictionary<string, string> { ["P1"] = "Highest" },
                },
            },
        }));

    private void Remote(string category) =>
        _jira.Given(Request.Create().WithPath("/rest/api/3/issue/SEC-24").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new
            {
                id = "10000",
                key = "SEC-24",
                fields = new { status = new { name = category == "done" ? "Done" : "In Progress", statusCategory = new { key = category } } },
                changelog = new
                {
                    histories = new object[]
                    {
                        new { id = "2", created = "2025-03-02T10:00:00.000+0000", author = new { displayName = "Mia Krystof" }, items = new[] { new { field = "status", fromString = "In Progress", toString = "Done" } } },
                        new { id = "1", created = "2025-03-01T13:00:00.000+0000", author = new { displayName = "Rampart" }, items = new[] { new { field = "status", fromString = "To Do", toString = "In Progress" } } },
                        new { id = "3", created = "2025-03-02T11:00:00.000+0000", author = new { displayName = "Someone Else" }, items = new[] { new { field = "labels", fromString = "", toString = "x" } } },
                    },
                },
            }));

    private List<ILogEntry> Requests(string method) => [.. _jira.LogEntries.Where(e => e.RequestMessage.Method == method)];

    private static JsonObject Json(ILogEntry entry) => (JsonObject)JsonNode.Parse(entry.RequestMessage.Body!)!;
}
