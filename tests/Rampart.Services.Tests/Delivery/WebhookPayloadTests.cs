using System.Text.Json.Nodes;
using Rampart.Core.Notifications;
using Rampart.Services.Delivery.Webhooks;

namespace Rampart.Services.Tests.Delivery;

/// <summary>The webhook bodies, checked against the shapes the receivers' public documentation gives.</summary>
public sealed class WebhookPayloadTests
{
    private static readonly Uri Link = new("https://rampart.example.com/findings/42");

    private static readonly Notification Sample = new()
    {
        Id = 7,
        Recipient = "team:platform",
        Kind = "ticket-closed",
        Subject = "Ticket closed for <SQL injection> & more",
        Body = "Check the fix.",
        CreatedAt = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Slack_Notification_IsTextWithHeaderSectionAndContextBlocks()
    {
        var json = WebhookPayloads.Slack(Sample, Link);

        // Slack "Sending messages using incoming webhooks": a JSON body with "text" (the fallback) and "blocks";
        // "Formatting text for app surfaces": &, < and > are escaped as &amp; &lt; &gt; in text fields.
        Assert.Equal("Ticket closed for &lt;SQL injection&gt; &amp; more", (string?)json["text"]);
        var blocks = json["blocks"]!.AsArray();
        Assert.Equal(["header", "section", "context"], blocks.Select(b => (string?)b!["type"]));
        Assert.Equal(("plain_text", "Ticket closed for <SQL injection> & more"), ((string?)blocks[0]!["text"]!["type"], (string?)blocks[0]!["text"]!["text"]));
        Assert.Equal(("mrkdwn", "Check the fix."), ((string?)blocks[1]!["text"]!["type"], (string?)blocks[1]!["text"]!["text"]));
        Assert.Equal("Rampart · ticket-closed · for team:platform · <https://rampart.example.com/findings/42|Open in Rampart>", (string?)blocks[2]!["elements"]![0]!["text"]);
    }

    [Fact]
    public void Slack_LongSubject_IsClippedToTheHeaderBlockLimit()
    {
        var json = WebhookPayloads.Slack(new Notification { Recipient = "a", Kind = "k", Subject = new string('x', 400) }, null);

        // Block Kit reference: a header block's text is at most 150 characters.
        Assert.Equal(150, ((string?)json["blocks"]![0]!["text"]!["text"])!.Length);
    }

    [Fact]
    public void Teams_Notification_IsAMessageWithOneAdaptiveCardAttachment()
    {
        var json = WebhookPayloads.Teams(Sample, Link);

        // Microsoft Learn, "Create an Incoming Webhook" / Workflows: {"type":"message","attachments":[{"contentType":
        // "application/vnd.microsoft.card.adaptive","contentUrl":null,"content":{AdaptiveCard}}]}.
        Assert.Equal("message", (string?)json["type"]);
        var attachment = Assert.Single(json["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.True(attachment.AsObject().ContainsKey("contentUrl") && attachment["contentUrl"] is null);
        var card = attachment["content"]!;
        Assert.Equal(("AdaptiveCard", "http://adaptivecards.io/schemas/adaptive-card.json"), ((string?)card["type"], (string?)card["$schema"]));
        Assert.Equal(["TextBlock", "TextBlock", "FactSet"], card["body"]!.AsArray().Select(b => (string?)b!["type"]));
        Assert.Equal("Ticket closed for <SQL injection> & more", (string?)card["body"]![0]!["text"]);
        var action = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal(("Action.OpenUrl", Link.AbsoluteUri), ((string?)action["type"], (string?)action["url"]));
    }

    [Fact]
    public void Rampart_Notification_CarriesTheNotificationFields()
    {
        var json = (JsonObject)JsonNode.Parse(WebhookPayloads.Body(WebhookFormat.Rampart, Sample, 99, Link))!;

        Assert.Equal(
            """{"delivery":99,"notification":7,"kind":"ticket-closed","recipient":"team:platform","subject":"Ticket closed for \u003CSQL injection\u003E \u0026 more","body":"Check the fix.","link":"https://rampart.example.com/findings/42","createdAt":"2025-03-01T12:00:00Z"}""",
            json.ToJsonString());
    }
}
