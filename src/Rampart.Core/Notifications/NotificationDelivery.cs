namespace Rampart.Core.Notifications;

/// <summary>
/// One notification sent (or being sent) on one channel to one target: an e-mail address, a webhook by name. Each
/// attempt is counted; a failed attempt waits <see cref="NextAttemptAt"/> before the next, up to the configured
/// maximum. A delivered row is never sent again.
/// </summary>
public sealed class NotificationDelivery
{
    public long Id { get; set; }

    public long NotificationId { get; set; }

    /// <summary>"email", "webhook" (see <see cref="DeliveryChannels"/>).</summary>
    public required string Channel { get; set; }

    /// <summary>An e-mail address, or a webhook's configured name (never its URL, which may carry a secret).</summary>
    public required string Target { get; set; }

    public DeliveryStatus Status { get; set; }

    /// <summary>Attempts made so far (a claimed attempt counts before it is sent).</summary>
    public int Attempts { get; set; }

    /// <summary>Why the last attempt failed, without secrets (no URL paths, tokens or passwords).</summary>
    public string? LastError { get; set; }

    /// <summary>When a pending delivery may be tried next.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>When a node claimed the current attempt; a claim older than the lease is taken over (the node died).</summary>
    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Where a delivery stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending,

    /// <summary>Claimed by a node that is sending it now.</summary>
    Sending,

    Delivered,

    /// <summary>Given up: the maximum attempts were made, or the failure cannot improve by retrying.</summary>
    Failed,
}

/// <summary>The channel names stored in <see cref="NotificationDelivery.Channel"/>.</summary>
public static class DeliveryChannels
{
    public const string Email = "email";
    public const string Webhook = "webhook";
}
