using Rampart.Core.Findings;

namespace Rampart.Services.Tickets;

/// <summary>Tickets for findings, <c>Rampart:Delivery:Tickets</c>: which findings get one, and the trackers.</summary>
public sealed record TicketOptions
{
    /// <summary>Open findings of this priority or more urgent get a ticket (P2: P1 and P2).</summary>
    public Priority MinimumPriority { get; init; } = Priority.P2;

    /// <summary>How often tickets are synced both ways (Rampart → tracker, then the tracker's states back).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);

    public GitHubTicketOptions GitHub { get; init; } = new();

    public JiraTicketOptions Jira { get; init; } = new();

    public bool IsConfigured => GitHub.IsConfigured || Jira.IsConfigured;
}

/// <summary>GitHub Issues, <c>Rampart:Delivery:Tickets:GitHub</c>; on when <see cref="Repository"/> is set.</summary>
public sealed record GitHubTicketOptions
{
    /// <summary>The REST API root; GitHub Enterprise Server uses "https://HOST/api/v3/".</summary>
    public Uri ApiUrl { get; init; } = new("https://api.github.com/");

    /// <summary>"owner/repo".</summary>
    public string? Repository { get; init; }

    /// <summary>A fine-grained token with Issues read and write on the repository. Never logged.</summary>
    public string? Token { get; init; }

    /// <summary>Labels every Rampart issue carries besides "rampart" and "priority:P1"….</summary>
    public IList<string> Labels { get; init; } = [];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Repository);
}

/// <summary>Jira Cloud, <c>Rampart:Delivery:Tickets:Jira</c>; on when <see cref="Url"/> is set.</summary>
public sealed record JiraTicketOptions
{
    /// <summary>The site, "https://acme.atlassian.net/".</summary>
    public Uri? Url { get; init; }

    /// <summary>The account's e-mail address (basic auth user).</summary>
    public string? Email { get; init; }

    /// <summary>An Atlassian API token (basic auth password). Never logged.</summary>
    public string? ApiToken { get; init; }

    /// <summary>The project key, "SEC".</summary>
    public string? Project { get; init; }

    public string IssueType { get; init; } = "Bug";

    /// <summary>Jira priority names per Rampart priority ("P1" → "Highest"); a priority left out is not set on the issue.</summary>
    public IDictionary<string, string> Priorities { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Labels every Rampart issue carries besides "rampart" and "priority-P1"… (Jira labels have no spaces).</summary>
    public IList<string> Labels { get; init; } = [];

    public bool IsConfigured => Url is not null;
}
