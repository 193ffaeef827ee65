namespace Rampart.Core.Notifications;

/// <summary>
/// A message for a person (a user name), a team ("team:NAME") or an SSRM party ("party:model-provider"), kept as the
/// in-app inbox and as the record that the message was sent. Other channels (e-mail, webhooks) deliver from here.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }

    public required string Recipient { get; set; }

    /// <summary>"policy-published", "policy-ack-reminder", "policy-review-due", …</summary>
    public required string Kind { get; set; }

    public required string Subject { get; set; }

    public string Body { get; set; } = "";

    /// <summary>A path in the web UI, e.g. "/policy/3".</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>
    /// When the dispatcher planned this notification's deliveries (one <see cref="NotificationDelivery"/> per channel and
    /// target); null while it waits. Set by a conditional UPDATE, so two nodes never plan one notification twice.
    /// </summary>
    public DateTimeOffset? DispatchedAt { get; set; }
}
