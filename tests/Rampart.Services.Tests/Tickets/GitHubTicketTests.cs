using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
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
/// GitHub Issues against a local double of the REST API built from docs.github.com ("REST API endpoints for issues",
/// 2022-11-28): request paths, methods, headers and bodies as documented; answers shaped like the documented examples.
/// </summary>
public sealed class GitHubTicketTests : IDisposable
{
    private const string Token = "github_pat_test_token";
    private const string Issues = "/repos/acme/payments/issues";

    private readonly WireMockServer _github = WireMockServer.Start();

    public GitHubTicketTests()
    {
        _github.Given(Request.Create().WithPath(Issues).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBodyAsJson(new { id = 1, number = 7, state = "open", html_url = "https://github.com/acme/payments/issues/7" }));
        _github.Given(Request.Create().WithPath(Issues + "/7").UsingPatch())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { number = 7, state = "open" }));
        Remote("open");
    }

    public void Dispose() => _github.Dispose();

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_OpenP1Finding_CreatesAnIssueAsTheApiDocumentsIt(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        var findingId = await TicketSeed.FindingAsync(harness);

        var result = await TicketSeed.SyncAsync(harness);

        Assert.Equal(1, result.Created);
        var post = Assert.Single(Requests("POST"));
        Assert.Equal($"Bearer {Token}", Header(post, "Authorization"));
        Assert.Equal("application/vnd.github+json", Header(post, "Accept"));
        Assert.Equal("2022-11-28", Header(post, "X-GitHub-Api-Version"));
        Assert.StartsWith("Rampart-tickets/", Header(post, "User-Agent"), StringComparison.Ordinal);
        var body = Json(post);
        Assert.Equal($"[P1] {TicketSeed.Title} (payments-api)", (string?)body["title"]);
        Assert.Equal(["rampart", "priority:P1", "security"], body["labels"]!.AsArray().Select(l => (string?)l));
        Assert.Contains("Priority: P1 · due 2025-03-08", (string?)body["body"], StringComparison.Ordinal); // start 1 March + 7 days
        Assert.Contains("Location: src/OrderRepository.cs:42", (string?)body["body"], StringComparison.Ordinal);
        Assert.Contains($"[Open in Rampart](https://rampart.example.com/findings/{findingId})", (string?)body["body"], StringComparison.Ordinal);
        var ticket = await TicketSeed.TicketAsync(harness);
        Assert.Equal((findingId, TicketSystems.GitHub, "7", "https://github.com/acme/payments/issues/7", TicketState.Open), (ticket.FindingId, ticket.System, ticket.Key, ticket.Url, ticket.State));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_FindingChangedThenClosedThenReopened_UpdatesClosesAndReopensTheIssue(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        var findingId = await TicketSeed.FindingAsync(harness);
        await TicketSeed.SyncAsync(harness);

        var unchanged = await TicketSeed.SyncAsync(harness);
        Assert.Empty(Requests("PATCH"));
        await TicketSeed.ChangeAsync(harness, findingId, f => (f.Priority, f.DueDate) = (Priority.P2, f.DueDate!.Value.AddDays(23)));
        var changed = await TicketSeed.SyncAsync(harness);
        await TicketSeed.ChangeAsync(harness, findingId, f => (f.Status, f.StatusChangedAt) = (FindingStatus.Fixed, harness.Clock.GetUtcNow()));
        var closed = await TicketSeed.SyncAsync(harness);
        harness.Clock.Advance(TimeSpan.FromDays(1));
        await TicketSeed.ChangeAsync(harness, findingId, f => (f.Status, f.StatusChangedAt) = (FindingStatus.Open, harness.Clock.GetUtcNow()));
        var reopened = await TicketSeed.SyncAsync(harness);

        Assert.Equal((0, 0, 0), (unchanged.Updated, unchanged.Closed, unchanged.Reopened));
        Assert.Equal((1, 1, 1), (changed.Updated, closed.Closed, reopened.Reopened));
        var patches = Requests("PATCH").Select(Json).ToList();
        Assert.Equal(3, patches.Count);
        Assert.Equal($"[P2] {TicketSeed.Title} (payments-api)", (string?)patches[0]["title"]);
        Assert.Equal(["rampart", "priority:P2", "security"], patches[0]["labels"]!.AsArray().Select(l => (string?)l));
        Assert.Contains("due 2025-03-31", (string?)patches[0]["body"], StringComparison.Ordinal);
        Assert.Equal("""{"state":"closed","state_reason":"completed"}""", patches[1].ToJsonString());
        Assert.Equal("""{"state":"open","state_reason":"reopened"}""", patches[2].ToJsonString());
        Assert.Equal(TicketState.Open, (await TicketSeed.TicketAsync(harness)).State);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_IssueClosedByAPerson_TellsTheOwnerTeamAndLeavesTheIssueClosed(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        var findingId = await TicketSeed.FindingAsync(harness);
        await TicketSeed.SyncAsync(harness);
        Remote("closed");
        harness.Clock.Advance(TimeSpan.FromHours(1));

        var result = await TicketSeed.SyncAsync(harness);
        var again = await TicketSeed.SyncAsync(harness);

        Assert.Equal((1, 0), (result.ClosedInTracker, result.Reopened));
        Assert.Equal((0, 0), (again.ClosedInTracker, again.Reopened));
        Assert.Empty(Requests("PATCH")); // Rampart does not fight the person who closed it
        var ticket = await TicketSeed.TicketAsync(harness);
        Assert.Equal((TicketState.Closed, "octocat", (DateTimeOffset?)ServiceHarness.Start.AddHours(1)), (ticket.State, ticket.ClosedBy, ticket.ClosedExternallyAt));
        var notice = Assert.Single(await TicketSeed.NotificationsAsync(harness));
        Assert.Equal(("team:platform", TicketClosedNotifier.Kind, $"/findings/{findingId}"), (notice.Recipient, notice.Kind, notice.Link));
        Assert.Equal($"github ticket 7 was closed by octocat; finding {findingId} is still open", notice.Subject);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_IssueClosedByAPersonOnAnAssetWithoutOwnerTeam_TellsTheAccountableParty(DatabaseProvider provider)
    {
        await using var harness = await CreateAsync(provider);
        await TicketSeed.FindingAsync(harness, ownerTeam: null);
        await TicketSeed.SyncAsync(harness);
        Remote("closed");

        await TicketSeed.SyncAsync(harness);

        // An application-layer asset: the application provider is accountable (SSRM, the seeds' ownership per layer).
        Assert.Equal("party:application-provider", Assert.Single(await TicketSeed.NotificationsAsync(harness)).Recipient);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_IssueClosedByAPerson_CallsTheRegisteredHandlerInsteadOfTheDefault(DatabaseProvider provider)
    {
        var handler = new RecordingTicketClosedHandler();
        await using var harness = await ServiceHarness.CreateAsync(provider, services => services.AddSingleton<ITicketClosedHandler>(handler).AddRampartDelivery(Options()));
        var findingId = await TicketSeed.FindingAsync(harness);
        await TicketSeed.SyncAsync(harness);
        Remote("closed");

        await TicketSeed.SyncAsync(harness);

        Assert.Equal([(findingId, "github", "7", "octocat")], handler.Calls);
        Assert.Empty(await TicketSeed.NotificationsAsync(harness));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_GitHubRefuses_RecordsNothingAndCountsTheFailure(DatabaseProvider provider)
    {
        _github.Reset();
        _github.Given(Request.Create().WithPath(Issues).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(401).WithBodyAsJson(new { message = "Bad credentials", documentation_url = "https://docs.github.com/rest" }));
        await using var harness = await CreateAsync(provider);
        await TicketSeed.FindingAsync(harness);

        var result = await TicketSeed.SyncAsync(harness);

        Assert.Equal((0, 1), (result.Created, result.Failed));
        Assert.Equal(0, await harness.WithDbAsync(db => Task.FromResult(db.FindingTickets.Count())));
    }

    private Task<ServiceHarness> CreateAsync(DatabaseProvider provider) =>
        ServiceHarness.CreateAsync(provider, services => services.AddRampartDelivery(Options()));

    private DeliveryOptions Options() => new()
    {
        BaseUrl = new Uri("https://rampart.example.com/"),
        Tickets = new TicketOptions
        {
            MinimumPriority = Priority.P2,
            GitHub = new GitHubTicketOptions { ApiUrl = new Uri(_github.Urls[0] + "/"), Repository = "acme/payments", Token = Token, Labels = ["security"] },
        },
    };

    private void Remote(string state) =>
        _github.Given(Request.Create().WithPath(Issues + "/7").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(state == "closed"
                ? new { number = 7, state, state_reason = "completed", closed_by = new { login = "octocat" } }
                : (object)new { number = 7, state, closed_by = (object?)null }));

    private List<ILogEntry> Requests(string method) => [.. _github.LogEntries.Where(e => e.RequestMessage.Method == method)];

    private static string Header(ILogEntry entry, string name) => entry.RequestMessage.Headers![name].Single();

    private static JsonObject Json(ILogEntry entry) => (JsonObject)JsonNode.Parse(entry.RequestMessage.Body!)!;
}
