using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rampart.Core.Tickets;
using Rampart.Services.Delivery;

namespace Rampart.Services.Tickets;

/// <summary>
/// Jira Cloud over REST API v3 (developer.atlassian.com, "The Jira Cloud platform REST API"): POST /rest/api/3/issue,
/// PUT /rest/api/3/issue/{key}, GET/POST /rest/api/3/issue/{key}/transitions, GET /rest/api/3/issue/{key}. Basic
/// auth with the account's e-mail and an API token; the description in Atlassian Document Format. A ticket is closed
/// when its status is in the "done" category; closing takes the first transition to that category, reopening the
/// first to another.
/// </summary>
public sealed class JiraIssues(HttpClient http, DeliveryOptions options) : ITicketTracker
{
    private const string DoneCategory = "done";

    private JiraTicketOptions Jira => options.Tickets.Jira;

    public string System => TicketSystems.Jira;

    public async Task<TicketReference> CreateAsync(TicketContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var fields = Fields(content);
        fields["project"] = new JsonObject { ["key"] = Jira.Project };
        fields["issuetype"] = new JsonObject { ["name"] = Jira.IssueType };
        var created = await SendAsync(HttpMethod.Post, "rest/api/3/issue", new JsonObject { ["fields"] = fields }, cancellationToken)
            ?? throw new TicketTrackerException("Jira created an issue but sent no body.");
        var key = created["key"]?.GetValue<string>() ?? throw new TicketTrackerException("Jira created an issue but its answer has no key.");
        return new TicketReference(key, new Uri(Jira.Url!, $"browse/{Uri.EscapeDataString(key)}").AbsoluteUri);
    }

    public async Task UpdateAsync(string key, TicketContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await SendAsync(HttpMethod.Put, $"rest/api/3/issue/{Escape(key)}", new JsonObject { ["fields"] = Fields(content) }, cancellationToken);
    }

    public async Task SetStateAsync(string key, TicketState state, CancellationToken cancellationToken)
    {
        var list = await SendAsync(HttpMethod.Get, $"rest/api/3/issue/{Escape(key)}/transitions", null, cancellationToken);
        var transitions = list?["transitions"]?.AsArray().OfType<JsonObject>() ?? [];
        var wanted = transitions.FirstOrDefault(t => (Category(t["to"]) == DoneCategory) == (state == TicketState.Closed))
            ?? throw new TicketTrackerException($"Jira issue {key} has no transition to a status {(state == TicketState.Closed ? "in" : "outside")} the done category.");
        var body = new JsonObject { ["transition"] = new JsonObject { ["id"] = wanted["id"]?.GetValue<string>() } };
        await SendAsync(HttpMethod.Post, $"rest/api/3/issue/{Escape(key)}/transitions", body, cancellationToken);
    }

    public async Task<RemoteTicket> GetAsync(string key, CancellationToken cancellationToken)
    {
        var issue = await SendAsync(HttpMethod.Get, $"rest/api/3/issue/{Escape(key)}?fields=status&expand=changelog", null, cancellationToken)
            ?? throw new TicketTrackerException($"Jira sent no body for issue {key}.");
        if (Category(issue["fields"]?["status"]) != DoneCategory)
        {
            return new RemoteTicket(TicketState.Open, null);
        }

        // Who closed it: the author of the latest change of the status field in the changelog.
        var lastStatusChange = (issue["changelog"]?["histories"]?.AsArray().OfType<JsonObject>() ?? [])
            .Where(h => h["items"]?.AsArray().OfType<JsonObject>().Any(i => i["field"]?.GetValue<string>() == "status") == true)
            .OrderBy(h => DateTimeOffset.TryParse(h["created"]?.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : DateTimeOffset.MinValue)
            .LastOrDefault();
        return new RemoteTicket(TicketState.Closed, lastStatusChange?["author"]?["displayName"]?.GetValue<string>());
    }

    private JsonObject Fields(TicketContent content)
    {
        var fields = new JsonObject
        {
            ["summary"] = content.Title,
            ["description"] = Document(content),
            ["labels"] = new JsonArray([.. content.Labels("priority-", Jira.Labels).Select(l => (JsonNode)l.Replace(' ', '-'))]),
        };
        if (content.DueDate is { } due)
        {
            fields["duedate"] = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (Jira.Priorities.TryGetValue(content.Priority.ToString(), out var priority))
        {
            fields["priority"] = new JsonObject { ["name"] = priority };
        }

        return fields;
    }

    /// <summary>Atlassian Document Format: a doc (version 1) of paragraphs of text nodes; text nodes may not be empty.</summary>
    private static JsonObject Document(TicketContent content)
    {
        var paragraphs = new JsonArray();
        foreach (var line in content.Lines.Where(l => l.Length > 0))
        {
            paragraphs.Add(Paragraph(new JsonObject { ["type"] = "text", ["text"] = line }));
        }

        if (content.Link is { } link)
        {
            paragraphs.Add(Paragraph(new JsonObject
            {
                ["type"] = "text",
                ["text"] = "Open in Rampart",
                ["marks"] = new JsonArray { new JsonObject { ["type"] = "link", ["attrs"] = new JsonObject { ["href"] = link.AbsoluteUri } } },
            }));
        }

        return new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = paragraphs };
    }

    private static JsonObject Paragraph(JsonObject text) => new() { ["type"] = "paragraph", ["content"] = new JsonArray { text } };

    private static string? Category(JsonNode? status) => status?["statusCategory"]?["key"]?.GetValue<string>();

    private static string Escape(string key) => Uri.EscapeDataString(key);

    private async Task<JsonObject?> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(Jira.Url!, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Jira.Email}:{Jira.ApiToken}")));
        request.Headers.Accept.ParseAdd("application/json");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var shown = path.Split('?')[0];
        if (!response.IsSuccessStatusCode)
        {
            throw new TicketTrackerException($"Jira answered {(int)response.StatusCode} to {method} /{shown}: {Messages(text)}");
        }

        return text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
    }

    /// <summary>Jira's error bodies: {"errorMessages": [...], "errors": {"field": "message"}}.</summary>
    private static string Messages(string text)
    {
        try
        {
            var error = JsonNode.Parse(text);
            var messages = (error?["errorMessages"]?.AsArray().Select(m => m?.GetValue<string>()) ?? [])
                .Concat(error?["errors"]?.AsObject().Select(e => $"{e.Key}: {e.Value?.GetValue<string>()}") ?? []);
            return string.Join("; ", messages.Where(m => !string.IsNullOrEmpty(m))) is { Length: > 0 } joined ? joined : "(no message)";
        }
        catch (JsonException)
        {
            return "(no message)";
        }
    }
}
