using System.Net;
using System.Net.Sockets;
using MimeKit;
using netDumbster.smtp;
using Rampart.Core.Notifications;
using Rampart.Data;
using Rampart.Services.Delivery;
using Rampart.Services.Delivery.Email;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Delivery;

/// <summary>E-mail delivery to a real SMTP receiver in this process (netDumbster), read back as MIME.</summary>
public sealed class EmailDeliveryTests : IDisposable
{
    private readonly int _port = FreePort();
    private readonly SimpleSmtpServer _smtp;

    public EmailDeliveryTests()
    {
        _smtp = SimpleSmtpServer.Start(_port);
    }

    public void Dispose() => _smtp.Dispose();

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dispatch_ToAUser_SendsOneMessageToTheirAddress(DatabaseProvider provider)
    {
        await using var harness = await DeliveryHarness.CreateAsync(provider, Options());
        await harness.AddUserAsync("alice", "alice@acme.example");
        var id = await harness.NotifyAsync("alice");

        var result = await harness.DispatchAsync();

        Assert.Equal(1, result.Delivered);
        var message = Received().Single();
        Assert.Equal("alice@acme.example", message.To.Mailboxes.Single().Address);
        Assert.Equal(("Rampart", "rampart@acme.example"), (message.From.Mailboxes.Single().Name, message.From.Mailboxes.Single().Address));
        Assert.Equal("TVM policy version 1 is in force", message.Subject);
        Assert.Contains("Please read & acknowledge it <today>.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://rampart.example.com/policy/1", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), message.Headers["X-Rampart-Notification"]);
        var delivery = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal((DeliveryChannels.Email, "alice@acme.example", DeliveryStatus.Delivered), (delivery.Channel, delivery.Target, delivery.Status));
        Assert.Equal($"rampart-delivery-{delivery.Id}@acme.example", message.MessageId);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dispatch_ToATeam_SendsToEachMemberWithAnAddressAndRecordsTheOneWithout(DatabaseProvider provider)
    {
        await using var harness = await DeliveryHarness.CreateAsync(provider, Options());
        await harness.AddUserAsync("alice", "alice@acme.example", "platform");
        await harness.AddUserAsync("bob", "bob@acme.example", "platform security");
        await harness.AddUserAsync("carol", null, "platform");
        await harness.AddUserAsync("dave", "dave@acme.example", "security");
        await harness.NotifyAsync("team:platform");

        await harness.DispatchAsync();

        Assert.Equal(["alice@acme.example", "bob@acme.example"], Received().Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        var deliveries = await harness.DeliveriesAsync();
        Assert.Equal(3, deliveries.Count);
        var carol = deliveries.Single(d => d.Target == "carol");
        Assert.Equal((DeliveryStatus.Failed, 0), (carol.Status, carol.Attempts));
        Assert.Equal("carol has no e-mail address (rampart users set carol --email ADDRESS).", carol.LastError);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dispatch_ReceiverDown_RetriesAndDeliversOnceItIsBack(DatabaseProvider provider)
    {
        _smtp.Stop();
        await using var harness = await DeliveryHarness.CreateAsync(provider, Options());
        await harness.AddUserAsync("alice", "alice@acme.example");
        await harness.NotifyAsync("alice");

        var down = await harness.DispatchAsync();
        using var back = SimpleSmtpServer.Start(_port);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var up = await harness.DispatchAsync();

        Assert.Equal((1, 0), (down.Retrying, down.Delivered));
        Assert.Equal(1, up.Delivered);
        Assert.Equal(1, back.ReceivedEmailCount);
        var delivery = Assert.Single(await harness.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Delivered, 2), (delivery.Status, delivery.Attempts));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dispatch_OldNotification_IsMarkedButNotSent(DatabaseProvider provider)
    {
        await using var harness = await DeliveryHarness.CreateAsync(provider, Options());
        await harness.AddUserAsync("alice", "alice@acme.example");
        await harness.NotifyAsync("alice");
        harness.Clock.Advance(TimeSpan.FromDays(3)); // MaxAge is two days: delivery was turned on after this was written

        var result = await harness.DispatchAsync();

        Assert.Equal((0, 1), (result.Planned, result.Skipped));
        Assert.Equal(0, _smtp.ReceivedEmailCount);
        Assert.Empty(await harness.DeliveriesAsync());
    }

    private List<MimeMessage> Received() =>
        [.. _smtp.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data))))];

    private DeliveryOptions Options() => new()
    {
        Enabled = true,
        BaseUrl = new Uri("https://rampart.example.com/"),
        Email = new EmailOptions { Host = "127.0.0.1", Port = _port, Security = SmtpSecurity.None, From = "Rampart <rampart@acme.example>", Timeout = TimeSpan.FromSeconds(5) },
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
