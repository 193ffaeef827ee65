using Rampart.Services.Delivery.Email;
using Rampart.Services.Delivery.Webhooks;
using Rampart.Services.Tickets;

namespace Rampart.Services.Delivery;

/// <summary>
/// Delivery of notifications to e-mail and webhooks, and tickets, from configuration section <c>Rampart:Delivery</c>
/// (environment variables <c>Rampart__Delivery__Enabled=true</c>, …). Read and checked by <see cref="DeliverySettings.Read"/>.
/// </summary>
public sealed record DeliveryOptions
{
    public const string Section = "Rampart:Delivery";

    /// <summary>Run the dispatcher in the server. Off by default: nothing leaves the machine unless asked.</summary>
    public bool Enabled { get; init; }

    /// <summary>How often the dispatcher looks for new notifications and due retries.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per delivery before it is given up (Failed).</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>The wait after the first failed attempt; doubled after each further one (exponential backoff).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two attempts, whatever the backoff or a Retry-After header says.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromHours(6);

    /// <summary>A claim older than this is taken over by another node (the claiming node died mid-send).</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Notifications older than this when first seen are marked dispatched without sending (no flood of old news when delivery is first turned on).</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(2);

    /// <summary>Rows handled per run.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>The web UI's address ("https://rampart.example.com"), to turn notification links into absolute URLs.</summary>
    public Uri? BaseUrl { get; init; }

    public EmailOptions Email { get; init; } = new();

    public WebhookOptions Webhooks { get; init; } = new();

    public TicketOptions Tickets { get; init; } = new();

    /// <summary>The notification's link as an absolute URL, when there is a link and a base URL.</summary>
    public Uri? AbsoluteLink(string? link) =>
        link is null ? null : Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute
            : BaseUrl is null ? null : new Uri(BaseUrl, link);
}
