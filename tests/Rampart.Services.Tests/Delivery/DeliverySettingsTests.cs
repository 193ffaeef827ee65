using Microsoft.Extensions.Configuration;
using Rampart.Services.Delivery;
using Rampart.Services.Delivery.Webhooks;

namespace Rampart.Services.Tests.Delivery;

/// <summary>Reading <c>Rampart:Delivery</c>: good settings bind, bad ones are refused naming the setting.</summary>
public sealed class DeliverySettingsTests
{
    [Fact]
    public void Read_FullConfiguration_BindsEveryChannel()
    {
        var options = DeliverySettings.Read(Configuration(new()
        {
            ["Rampart:Delivery:Enabled"] = "true",
            ["Rampart:Delivery:MaxAttempts"] = "5",
            ["Rampart:Delivery:RetryDelay"] = "00:00:30",
            ["Rampart:Delivery:Email:Host"] = "smtp.acme.example",
            ["Rampart:Delivery:Email:From"] = "rampart@acme.example",
            ["Rampart:Delivery:Email:Parties:model-provider"] = "security@vendor.example",
            ["Rampart:Delivery:Webhooks:AllowedHosts:0"] = "hooks.slack.com",
            ["Rampart:Delivery:Webhooks:Targets:0:Name"] = "slack-sec",
            ["Rampart:Delivery:Webhooks:Targets:0:Url"] = "https://hooks.slack.com/services/T0/B0/XYZ",
            ["Rampart:Delivery:Webhooks:Targets:0:Format"] = "slack",
            ["Rampart:Delivery:Tickets:MinimumPriority"] = "P1",
            ["Rampart:Delivery:Tickets:GitHub:Repository"] = "acme/api",
            ["Rampart:Delivery:Tickets:GitHub:Token"] = "ghp_x",
        }));

        Assert.Equal((true, 5, TimeSpan.FromSeconds(30)), (options.Enabled, options.MaxAttempts, options.RetryDelay));
        Assert.Equal("security@vendor.example", options.Email.Parties["model-provider"]);
        var target = Assert.Single(options.Webhooks.Targets);
        Assert.Equal(("slack-sec", WebhookFormat.Slack), (target.Name, target.Format));
        Assert.Equal((Core.Findings.Priority.P1, "acme/api"), (options.Tickets.MinimumPriority, options.Tickets.GitHub.Repository));
    }

    [Fact]
    public void Read_Nothing_IsEverythingOff()
    {
        var options = DeliverySettings.Read(Configuration([]));

        Assert.False(options.Enabled || options.Email.IsConfigured || options.Tickets.IsConfigured);
        Assert.Empty(options.Webhooks.Targets);
    }

    [Theory]
    [InlineData("Rampart:Delivery:Webhooks:Targets:0:Url", "http://hooks.example.com/x", "Rampart:Delivery:Webhooks:Targets:0:Url must use https (plain http only to this machine).")]
    [InlineData("Rampart:Delivery:Webhooks:Targets:0:Secret", "short", "Rampart:Delivery:Webhooks:Targets:0:Secret must have at least 16 characters.")]
    [InlineData("Rampart:Delivery:Webhooks:AllowedHosts:1", "https://hooks.example.com", "Rampart:Delivery:Webhooks:AllowedHosts: 'https://hooks.example.com' is not a host name (write hooks.slack.com or *.example.com, no scheme, port or path).")]
    [InlineData("Rampart:Delivery:Email:Host", "smtp.acme.example", "Rampart:Delivery:Email:From must be the sender's address (\"Rampart <rampart@example.com>\") when Rampart:Delivery:Email:Host is set.")]
    [InlineData("Rampart:Delivery:Tickets:GitHub:Repository", "acme", "Rampart:Delivery:Tickets:GitHub:Repository must be owner/repo.")]
    [InlineData("Rampart:Delivery:MaxAttempts", "0", "Rampart:Delivery:MaxAttempts must be 1 to 100 (it is 0).")]
    public void Read_BadSetting_IsRefusedNamingIt(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Rampart:Delivery:Webhooks:AllowedHosts:0"] = "hooks.example.com",
            ["Rampart:Delivery:Webhooks:Targets:0:Name"] = "ops",
            ["Rampart:Delivery:Webhooks:Targets:0:Url"] = "https://hooks.example.com/rampart",
            ["Rampart:Delivery:Webhooks:Targets:0:Secret"] = "0123456789abcdef",
            ["Rampart:Delivery:Tickets:GitHub:Token"] = "ghp_x",
        };
        settings[key] = value;

        var refused = Assert.Throws<DeliveryConfigurationException>(() => DeliverySettings.Read(Configuration(settings)));

        Assert.Equal([expected], refused.Problems);
    }

    [Fact]
    public void Read_UnparsableUrl_NamesTheSetting()
    {
        var refused = Assert.Throws<DeliveryConfigurationException>(() => DeliverySettings.Read(Configuration(new() { ["Rampart:Delivery:MaxAttempts"] = "many" })));

        Assert.Contains("Rampart:Delivery:MaxAttempts", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hooks.slack.com", "https://hooks.slack.com/services/x", true)]
    [InlineData("HOOKS.slack.com", "https://hooks.slack.com/x", true)]
    [InlineData("*.webhook.office.com", "https://acme.webhook.office.com/x", true)]
    [InlineData("*.webhook.office.com", "https://webhook.office.com/x", false)]
    [InlineData("*.webhook.office.com", "https://evilwebhook.office.com/x", false)]
    [InlineData("hooks.slack.com", "https://hooks.slack.com.evil.example/x", false)]
    public void Allows_HostAgainstEntry_MatchesExactlyOrAsSubdomain(string entry, string url, bool allowed) =>
        Assert.Equal(allowed, HostAllowList.Allows([entry], new Uri(url)));

    [Theory]
    [InlineData(1, null, 60)]
    [InlineData(2, null, 120)]
    [InlineData(4, null, 480)]
    [InlineData(20, null, 3600)] // 60 s × 2¹⁹ is far past the one-hour cap
    [InlineData(1, 300, 300)]
    [InlineData(1, 7200, 3600)] // a Retry-After beyond MaxRetryDelay is capped
    public void Delay_AttemptAndRetryAfter_IsBackoffOrRetryAfterCapped(int attempt, int? retryAfterSeconds, int expectedSeconds)
    {
        var options = new DeliveryOptions { RetryDelay = TimeSpan.FromMinutes(1), MaxRetryDelay = TimeSpan.FromHours(1) };

        var delay = RetrySchedule.Delay(attempt, options, retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
