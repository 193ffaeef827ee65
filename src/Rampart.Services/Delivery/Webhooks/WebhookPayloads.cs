using System.Text.Json;
using System.Text.Json.Nodes;
using Rampart.Core.Notifications;

namespace Rampart.Services.Delivery.Webhooks;

/// <summary>The JSON bodies of the three webhook formats, built from a notification.</summary>
public static class WebhookPayloads
{
    // Slack Block Kit limits: a header block's plain_text at most 150 characters, a section's text at most 3000.
    private const int SlackHeaderLength = 150;
    private const int SlackSectionLength = 3000;

    public static byte[] Body(WebhookFormat format, Notification notification, long deliveryId, Uri? link)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var json = format switch
        {
            WebhookFormat.Slack => Slack(notification, link),
            WebhookFormat.Teams => Teams(notification, link),
            _ => Rampart(notification, deliveryId, link),
        };
        return JsonSerializer.SerializeToUtf8Bytes(json);
    }

    /// <summary>Rampart's own format (docs/delivery.md).</summary>
    public static JsonObject Rampart(Notification notification, long deliveryId, Uri? link)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return new()
        {
            ["delivery"] = deliveryId,
            ["notification"] = notification.Id,
            ["kind"] = notification.Kind,
            ["recipient"] = notification.Recipient,
            ["subject"] = notification.Subject,
            ["body"] = notification.Body,
            ["link"] = link?.AbsoluteUri,
            ["createdAt"] = notification.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// A Slack incoming-webhook message: "text" is the fallback shown in notifications, "blocks" the message (Block Kit:
    /// a header, a mrkdwn section with the body, a context line with the kind, and a link).
    /// </summary>
    public static JsonObject Slack(Notification notification, Uri? link)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = PlainText(Clip(notification.Subject, SlackHeaderLength)) },
        };
        if (notification.Body.Length > 0)
        {
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = Mrkdwn(Clip(SlackEscape(notification.Body), SlackSectionLength)) });
        }

        var context = $"Rampart · {SlackEscape(notification.Kind)} · for {SlackEscape(notification.Recipient)}";
        if (link is not null)
        {
            context += $" · <{link.AbsoluteUri}|Open in Rampart>";
        }

        blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray { Mrkdwn(context) } });
        return new JsonObject { ["text"] = SlackEscape(notification.Subject), ["blocks"] = blocks };
    }

    /// <summary>
    /// A Teams message for an incoming webhook or a Workflows "when a webhook request is received" flow: type
    /// "message" with one attachment of content type application/vnd.microsoft.card.adaptive holding the card.
    /// </summary>
    public static JsonObject Teams(Notification notification, Uri? link)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = notification.Subject, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
        };
        if (notification.Body.Length > 0)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = notification.Body, ["wrap"] = true });
        }

        body.Add(new JsonObject
        {
            ["type"] = "FactSet",
            ["facts"] = new JsonArray
            {
                new JsonObject { ["title"] = "Kind", ["value"] = notification.Kind },
                new JsonObject { ["title"] = "For", ["value"] = notification.Recipient },
            },
        });
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };
        if (link is not null)
        {
            card["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open in Rampart", ["url"] = link.AbsoluteUri } };
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card },
            },
        };
    }

    /// <summary>Slack's formatting docs: &amp;, &lt; and &gt; are control characters in mrkdwn and are escaped as HTML entities.</summary>
    public static string SlackEscape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
