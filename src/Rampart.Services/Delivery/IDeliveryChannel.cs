using Rampart.Core.Notifications;

namespace Rampart.Services.Delivery;

/// <summary>A way out for notifications: says whom a notification goes to, and sends it to one of them.</summary>
public interface IDeliveryChannel
{
    /// <summary>Stored in <see cref="NotificationDelivery.Channel"/> (see <see cref="DeliveryChannels"/>).</summary>
    string Name { get; }

    /// <summary>The targets this notification goes to on this channel (none: the channel does not carry it).</summary>
    Task<IReadOnlyList<DeliveryTarget>> TargetsAsync(Notification notification, CancellationToken cancellationToken);

    /// <summary>One attempt. Failures are returned, not thrown; an exception counts as a failure that may pass.</summary>
    Task<DeliveryAttempt> SendAsync(Notification notification, NotificationDelivery delivery, CancellationToken cancellationToken);
}

/// <param name="Target">An address or a webhook name (never a secret).</param>
/// <param name="Unreachable">Why the target cannot be sent to at all (a user without an e-mail address); recorded as Failed.</param>
public sealed record DeliveryTarget(string Target, string? Unreachable = null);

/// <param name="Error">Why it failed, without secrets.</param>
/// <param name="Permanent">Retrying cannot help (refused by the allow-list, a 4xx answer other than 408/429).</param>
/// <param name="RetryAfter">The receiver's Retry-After, honoured (up to MaxRetryDelay) instead of the backoff.</param>
public sealed record DeliveryAttempt(bool Delivered, string? Error = null, bool Permanent = false, TimeSpan? RetryAfter = null)
{
    public static DeliveryAttempt Success { get; } = new(true);

    public static DeliveryAttempt Retry(string error, TimeSpan? retryAfter = null) => new(false, error, false, retryAfter);

    public static DeliveryAttempt GiveUp(string error) => new(false, error, true);
}
