namespace Rampart.Services.Delivery;

/// <summary>When to try again: exponential backoff from the failed attempt's number, or the receiver's Retry-After.</summary>
public static class RetrySchedule
{
    /// <summary>
    /// The wait after failed attempt <paramref name="attempt"/> (1-based): RetryDelay × 2^(attempt−1), at most
    /// MaxRetryDelay; a Retry-After from the receiver (RFC 9110 §10.2.3) replaces it, also at most MaxRetryDelay.
    /// </summary>
    public static TimeSpan Delay(int attempt, DeliveryOptions options, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (retryAfter is { } asked)
        {
            return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > options.MaxRetryDelay ? options.MaxRetryDelay : asked;
        }

        var doublings = Math.Clamp(attempt - 1, 0, 30);
        var ticks = options.RetryDelay.Ticks * Math.Pow(2, doublings);
        return ticks >= options.MaxRetryDelay.Ticks ? options.MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }
}
