namespace Rampart.Services.Delivery.Webhooks;

/// <summary>Webhooks, <c>Rampart:Delivery:Webhooks</c>: the hosts they may call, and the targets.</summary>
public sealed record WebhookOptions
{
    /// <summary>Host names a target URL may name: exact ("hooks.slack.com") or a subdomain wildcard ("*.webhook.office.com").</summary>
    public IList<string> AllowedHosts { get; init; } = [];

    public IList<WebhookTarget> Targets { get; init; } = [];

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);
}

/// <summary>One webhook, <c>Rampart:Delivery:Webhooks:Targets:N</c>.</summary>
public sealed record WebhookTarget
{
    /// <summary>Names the target in the delivery records (the URL is never stored: it may hold a secret).</summary>
    public string Name { get; init; } = "";

    public Uri? Url { get; init; }

    public WebhookFormat Format { get; init; } = WebhookFormat.Rampart;

    /// <summary>The HMAC-SHA256 key for <c>X-Rampart-Signature</c>; required for the rampart format. Never logged.</summary>
    public string? Secret { get; init; }

    /// <summary>Only these notification kinds ("policy-published", …); empty means every kind.</summary>
    public IList<string> Kinds { get; init; } = [];
}

/// <summary>The body a webhook receives.</summary>
public enum WebhookFormat
{
    /// <summary>Rampart's own JSON (docs/delivery.md).</summary>
    Rampart,

    /// <summary>A Slack incoming webhook: <c>{"text", "blocks"}</c>.</summary>
    Slack,

    /// <summary>A Microsoft Teams incoming webhook or Workflows trigger: a message with an Adaptive Card attachment.</summary>
    Teams,
}
