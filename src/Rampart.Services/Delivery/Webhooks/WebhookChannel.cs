using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Rampart.Core.Notifications;

namespace Rampart.Services.Delivery.Webhooks;

/// <summary>
/// Webhooks: each configured target receives every notification (or the kinds it names) as a signed JSON POST.
/// The allow-list is checked again before each call; redirects are not followed (they could lead outside it).
/// </summary>
public sealed class WebhookChannel(HttpClient http, DeliveryOptions options, TimeProvider clock) : IDeliveryChannel
{
    public string Name => DeliveryChannels.Webhook;

    public Task<IReadOnlyList<DeliveryTarget>> TargetsAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        IReadOnlyList<DeliveryTarget> targets = [.. options.Webhooks.Targets
            .Where(t => t.Kinds.Count == 0 || t.Kinds.Contains(notification.Kind, StringComparer.Ordinal))
            .Select(t => new DeliveryTarget(t.Name))];
        return Task.FromResult(targets);
    }

    public async Task<DeliveryAttempt> SendAsync(Notification notification, NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(delivery);
        var target = options.Webhooks.Targets.FirstOrDefault(t => t.Name == delivery.Target);
        if (target?.Url is not { } url)
        {
            return DeliveryAttempt.GiveUp($"There is no webhook named {delivery.Target} any more.");
        }

        if (!HostAllowList.IsSecureEnough(url) || !HostAllowList.Allows(options.Webhooks.AllowedHosts, url))
        {
            return DeliveryAttempt.GiveUp($"Refused: host {url.IdnHost} is not in {DeliveryOptions.Section}:Webhooks:AllowedHosts; the webhook was not called.");
        }

        var body = WebhookPayloads.Body(target.Format, notification, delivery.Id, options.AbsoluteLink(notification.Link));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.EventHeader, notification.Kind);
        if (!string.IsNullOrEmpty(target.Secret))
        {
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(target.Secret, timestamp, body));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Webhooks.Timeout);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var status = (int)response.StatusCode;
        // The URL's path and query can be the secret (Slack, Teams): only the host is ever written down.
        var answer = $"{url.IdnHost} answered {status} {response.ReasonPhrase}";
        if (response.IsSuccessStatusCode)
        {
            return DeliveryAttempt.Success;
        }

        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || status >= 500)
        {
            return DeliveryAttempt.Retry(answer, RetryAfter(response.Headers.RetryAfter));
        }

        return DeliveryAttempt.GiveUp(status is >= 300 and < 400 ? $"{answer}; redirects are not followed" : answer);
    }

    /// <summary>RFC 9110 §10.2.3: Retry-After is delay-seconds or an HTTP-date.</summary>
    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : null);
}
