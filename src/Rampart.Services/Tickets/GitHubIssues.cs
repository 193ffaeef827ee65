using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rampart.Core.Tickets;
using Rampart.Services.Delivery;

namespace Rampart.Services.Tickets;

/// <summary>
/// GitHub Issues over the REST API (docs.github.com, "REST API endpoints for issues", version 2022-11-28):
/// POST /repos/{owner}/{repo}/issues, PATCH /repos/{owner}/{repo}/issues/{number}, GET the same. The priority is a
/// label ("priority:P1"); GitHub issues have no due date field, so the due date is written in the issue's body.
/// </summary>
public sealed class GitHubIssues(HttpClient http, DeliveryOptions options) : ITicketTracker
{
    public const string ApiVersion = "2022-11-28";

    private GitHubTicketOptions GitHub => options.Tickets.GitHub;

    public string System => TicketSystems.GitHub;

    public async Task<TicketReference> CreateAsync(TicketContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var issue = await SendAsync(HttpMethod.Post, "issues", Fields(content), cancellationToken);
        var number = issue["number"]?.GetValue<long>() ?? throw new TicketTrackerException("GitHub created an issue but its answer has no number.");
        return new TicketReference(number.ToString(CultureInfo.InvariantCulture), issue["html_url"]?.GetValue<string>() ?? "");
    }

    public async Task UpdateAsync(string key, TicketContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await SendAsync(HttpMethod.Patch, $"issues/{Number(key)}", Fields(content), cancellationToken);
    }

    public async Task SetStateAsync(string key, TicketState state, CancellationToken cancellationToken)
    {
        var body = state == TicketState.Closed
            ? new JsonObject { ["state"] = "closed", ["state_reason"] = "completed" }
            : new JsonObject { ["state"] = "open", ["state_reason"] = "reopened" };
        await SendAsync(HttpMethod.Patch, $"issues/{Number(key)}", body, cancellationToken);
    }

    public async Task<RemoteTicket> GetAsync(string key, CancellationToken cancellationToken)
    {
        var issue = await SendAsync(HttpMethod.Get, $"issues/{Number(key)}", null, cancellationToken);
        var closed = issue["state"]?.GetValue<string>() == "closed";
        return new RemoteTicket(closed ? TicketState.Closed : TicketState.Open, closed ? issue["closed_by"]?["login"]?.GetValue<string>() : null);
    }

    private JsonObject Fields(TicketContent content) => new()
    {
        ["title"] = content.Title,
        ["body"] = string.Join("\n\n", content.Lines.Select(MarkdownLine)) + (content.Link is { } link ? $"\n\n[Open in Rampart]({link.AbsoluteUri})" : ""),
        ["labels"] = new JsonArray([.. content.Labels("priority:", GitHub.Labels).Select(l => (JsonNode)l)]),
    };

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        var relative = $"repos/{GitHub.Repository}/{path}";
        using var request = new HttpRequestMessage(method, new Uri(GitHub.ApiUrl, relative));
        request.Headers.Authorization = new("Bearer", GitHub.Token);
        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.Add("X-GitHub-Api-Version", ApiVersion);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new TicketTrackerException($"GitHub answered {(int)response.StatusCode} to {method} /{relative}: {Message(text)}");
        }

        return JsonNode.Parse(text) as JsonObject ?? throw new TicketTrackerException($"GitHub's answer to {method} /{relative} is not a JSON object.");
    }

    /// <summary>GitHub's error bodies carry "message" (and "documentation_url").</summary>
    private static string Message(string text)
    {
        try
        {
            return JsonNode.Parse(text)?["message"]?.GetValue<string>() ?? "(no message)";
        }
        catch (JsonException)
        {
            return "(no message)";
        }
    }

    private static string MarkdownLine(string line) => line.Replace("<", "&lt;", StringComparison.Ordinal);

    private static long Number(string key) => long.TryParse(key, CultureInfo.InvariantCulture, out var number)
        ? number : throw new TicketTrackerException($"'{key}' is not a GitHub issue number.");
}
