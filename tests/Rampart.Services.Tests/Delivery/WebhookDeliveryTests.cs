using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Rampart.Core.Notifications;
using Rampart.Data;
using Rampart.Services.Delivery;
using Rampart.Services.Delivery.Webhooks;
using Rampart.Services.Tests.Support;
using Rampart.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Rampart.Services.Tests.Delivery;

/// <summary>Webhook delivery against a local HTTP double (WireMock.Net): signature, retries, Retry-After, the allow-list.</summary>
public sealed class WebhookDeliveryTests : IDisposable
{
    private const string Secret = "a-webhook-secret-of-some-length";
    private const string HookPath = "/hooks/rampart";

    private readonly WireMockServer _server = WireMockServer.Start();

    public void Dispose() => _server.Dispose();

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dispatch_RampartFormat_PostsSignedJsonThatTheReceiverCanVerify(DatabaseProvider provider)
    {
        _server.Given(Request.Create().WithPath(HookPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(204));
        await using var harness = await DeliveryHarness.CreateAsync(provider, Options());
        var id = await harness.NotifyAsync("alice");

        var result = await harness.DispatchAsync();

        Assert.Equal((1, 1), (result.Planned, result.Delivered));
        var request = Assert.Single(_server.LogEntries).RequestMessage;
        var body = request.BodyAsBytes!;
        var timestamp = request.Headers![WebhookSignature.TimestampHeader].Single();
        // Independent recomputation with System.Security.Cryptography, as docs/delivery.md tells a receiver to do it:
        // HMAC-SHA256(secret, "<timestamp>.<raw body>"), lower-case hex, prefixed "sha256=".
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), (byte[])[.. Encoding.UTF8.GetBytes(timestamp + "."), .. body]));
        Assert.Equal(expected, request.Headers[WebhookSignature.SignatureHeader].Single());
        Assert.Equal(ServiceHarness.Start.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);

        using var json = JsonDocument.Parse(body);
        Assert.Equal(id, json.RootElement.GetProperty("notification").GetInt64());
        Assert.Equal("policy-published", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("https://rampart.example.com/policy/1", json.RootElement.GetProperty("link").GetString());
        var delivery = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal((DeliveryChannels.Webhook, "ops", DeliveryStatus.Delivered, 1, ServiceHarness.Start), (delivery.Channel, delivery.Target, delivery.Status, delivery.Attempts, delivery.DeliveredAt));
        Assert.Equal(delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers[WebhookSignature.DeliveryHeader].Single());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dispatch_After500_RetriesAfterTheBackoffAndNotBefore(DatabaseProvider provider)
    {
        _server.Given(Request.Create().WithPath(HookPath).UsingPost()).InScenario("flaky").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(500));
        _server.Given(Request.Create().WithPath(HookPath).UsingPost()).InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithStatusCode(200));
        await using var harness = await DeliveryHarness.CreateAsync(provider, Options());
        await harness.NotifyAsync("alice");

        var first = await harness.DispatchAsync();
        var failed = Assert.Single(await harness.DeliveriesAsync());
        harness.Clock.Advance(TimeSpan.FromSeconds(59));
        var early = await harness.DispatchAsync();
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await harness.DispatchAsync();

        Assert.Equal(1, first.Retrying);
        // RetryDelay is one minute: after the first failure the wait is 1 min × 2⁰.
        Assert.Equal((DeliveryStatus.Pending, 1, ServiceHarness.Start.AddMinutes(1)), (failed.Status, failed.Attempts, failed.NextAttemptAt));
        Assert.Contains("answered 500", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(0, early.Delivered + early.Retrying);
        Assert.Equal(1, second.Delivered);
        Assert.Equal(2, _server.LogEntries.Count);
        Assert.Equal((DeliveryStatus.Delivered, 2), Assert.Single(await harness.DeliveriesAsync()) is var d ? (d.Status, d.Attempts) : default);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dispatch_429WithRetryAfter_WaitsWhatTheReceiverAsked(DatabaseProvider provider)
    {
        _server.Given(Request.Create().WithPath(HookPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "120"));
        await using var harness = await DeliveryHarness.CreateAsync(provider, Options());
        await harness.NotifyAsync("alice");

        await harness.DispatchAsync();

        // The backoff alone would say one minute; Retry-After: 120 (RFC 9110 §10.2.3, seconds) wins.
        var delivery = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Pending, ServiceHarness.Start.AddSeconds(120)), (delivery.Status, delivery.NextAttemptAt));
        Assert.Contains("answered 429", delivery.LastError, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dispatch_AlwaysFailing_DoublesTheWaitAndGivesUpAtMaxAttempts(DatabaseProvider provider)
    {
        _server.Given(Request.Create().WithPath(HookPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(503));
        await using var harness = await DeliveryHarness.CreateAsync(provider, Options() with { MaxAttempts = 3 });
        await harness.NotifyAsync("alice");

        var waits = new List<TimeSpan>();
        for (var run = 0; run < 5; run++)
        {
            await harness.DispatchAsync();
            var delivery = Assert.Single(await harness.DeliveriesAsync());
            if (delivery.Status == DeliveryStatus.Failed)
            {
                break;
            }

            waits.Add(delivery.NextAttemptAt - harness.Clock.GetUtcNow());
            harness.Clock.Advance(delivery.NextAttemptAt - harness.Clock.GetUtcNow());
        }

        // Hand calculation: 1 min × 2⁰, then 1 min × 2¹; the third failure is the last attempt.
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)], waits);
        var given = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Failed, 3), (given.Status, given.Attempts));
        Assert.Contains("gave up after 3 attempts", given.LastError, StringComparison.Ordinal);
        Assert.Equal(3, _server.LogEntries.Count);
        await harness.DispatchAsync();
        Assert.Equal(3, _server.LogEntries.Count);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dispatch_Delivered_IsNeverSentAgainAndAClaimIsTakenOverOnlyAfterTheLease(DatabaseProvider provider)
    {
        _server.Given(Request.Create().WithPath(HookPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        await using var harness = await DeliveryHarness.CreateAsync(provider, Options());
        await harness.NotifyAsync("alice");
        await harness.NotifyAsync("bob");
        await harness.DispatchAsync();
        await harness.DispatchAsync();
        Assert.Equal(2, _server.LogEntries.Count);

        // Another node claimed the next one and died before recording the outcome.
        await harness.NotifyAsync("carol");
        await harness.WithDbAsync(async db =>
        {
            var notification = db.Notifications.Single(n => n.Recipient == "carol");
            notification.DispatchedAt = harness.Clock.GetUtcNow();
            db.NotificationDeliveries.Add(new NotificationDelivery
            {
                NotificationId = notification.Id, Channel = DeliveryChannels.Webhook, Target = "ops", Status = DeliveryStatus.Sending,
                Attempts = 1, ClaimedAt = harness.Clock.GetUtcNow(), NextAttemptAt = harness.Clock.GetUtcNow(), CreatedAt = harness.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        harness.Clock.Advance(TimeSpan.FromMinutes(4));
        var withinLease = await harness.DispatchAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var afterLease = await harness.DispatchAsync();

        Assert.Equal((0, 1), (withinLease.Delivered, afterLease.Delivered));
        Assert.Equal(3, _server.LogEntries.Count);
        Assert.All(await harness.DeliveriesAsync(), d => Assert.Equal(DeliveryStatus.Delivered, d.Status));
        Assert.Equal(2, (await harness.DeliveriesAsync()).Single(d => d.Attempts > 1).Attempts);
    }

    [Fact]
    public async Task Dispatch_TwoNodesAtOnce_SendEachDeliveryOnce()
    {
        _server.Given(Request.Create().WithPath(HookPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithDelay(20));
        await using var harness = await DeliveryHarness.CreateAsync(DatabaseProvider.Postgres, Options());
        for (var i = 0; i < 10; i++)
        {
            await harness.NotifyAsync($"user{i}");
        }

        var results = await Task.WhenAll(harness.DispatchAsync(), harness.DispatchAsync());

        Assert.Equal(10, results.Sum(r => r.Planned));
        Assert.Equal(10, results.Sum(r => r.Delivered));
        Assert.Equal(10, _server.LogEntries.Count);
        Assert.Equal(10, (await harness.DeliveriesAsync()).Count);
    }

    [Fact]
    public void Validate_TargetOutsideTheAllowList_IsRefusedNamingTheSetting()
    {
        var options = Options() with { Webhooks = Options().Webhooks with { AllowedHosts = ["hooks.slack.com"] } };

        var refused = Assert.Throws<DeliveryConfigurationException>(() => DeliverySettings.Validate(options));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal(
            "Rampart:Delivery:Webhooks:Targets:0:Url: host localhost is not in Rampart:Delivery:Webhooks:AllowedHosts (hooks.slack.com); the webhook is refused and never called.",
            problem);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Send_TargetOutsideTheAllowList_IsRefusedAndNeverCalled(DatabaseProvider provider)
    {
        // The configuration check refuses it first (above); this is the check before each call, for options built in code.
        _server.Given(Request.Create().WithPath(HookPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        var options = Options() with { Webhooks = Options().Webhooks with { AllowedHosts = ["hooks.slack.com"] } };
        using var http = new HttpClient();
        var channel = new WebhookChannel(http, options, TimeProvider.System);
        await using var harness = await DeliveryHarness.CreateAsync(provider, new DeliveryOptions());
        var notification = new Notification { Id = 1, Recipient = "alice", Kind = "policy-published", Subject = "s" };

        var attempt = await channel.SendAsync(notification, new NotificationDelivery { Id = 1, Channel = DeliveryChannels.Webhook, Target = "ops" }, TestContext.Current.CancellationToken);

        Assert.Equal((false, true), (attempt.Delivered, attempt.Permanent));
        Assert.Equal("Refused: host localhost is not in Rampart:Delivery:Webhooks:AllowedHosts; the webhook was not called.", attempt.Error);
        Assert.Empty(_server.LogEntries);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dispatch_404_GivesUpAtOnceWithoutTheUrlsPath(DatabaseProvider provider)
    {
        _server.Given(Request.Create().WithPath(HookPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(404));
        await using var harness = await DeliveryHarness.CreateAsync(provider, Options());
        await harness.NotifyAsync("alice");

        await harness.DispatchAsync();

        var delivery = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Failed, 1), (delivery.Status, delivery.Attempts));
        Assert.Equal("localhost answered 404 Not Found", delivery.LastError);
        Assert.DoesNotContain("hooks", delivery.LastError, StringComparison.Ordinal); // the path may be the secret (Slack, Teams)
    }

    private DeliveryOptions Options() => new()
    {
        Enabled = true,
        BaseUrl = new Uri("https://rampart.example.com/"),
        Webhooks = new WebhookOptions
        {
            AllowedHosts = ["localhost"],
            Targets = [new WebhookTarget { Name = "ops", Url = new Uri(_server.Urls[0].Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + HookPath), Secret = Secret }],
        },
    };
}
