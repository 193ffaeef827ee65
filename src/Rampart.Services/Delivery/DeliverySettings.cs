using Microsoft.Extensions.Configuration;
using MimeKit;
using Rampart.Services.Delivery.Email;
using Rampart.Services.Delivery.Webhooks;
using Rampart.Services.Tickets;

namespace Rampart.Services.Delivery;

/// <summary>Reads <c>Rampart:Delivery</c> and refuses it whole, naming each bad setting, before anything is sent.</summary>
public static class DeliverySettings
{
    private const string Root = DeliveryOptions.Section;

    /// <exception cref="DeliveryConfigurationException">A setting is missing, malformed or not allowed.</exception>
    public static DeliveryOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        DeliveryOptions options;
        try
        {
            options = configuration.GetSection(Root).Get<DeliveryOptions>() ?? new DeliveryOptions();
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the setting and the type it could not convert to.
            throw new DeliveryConfigurationException(ex.Message, ex);
        }

        Validate(options);
        return options;
    }

    /// <exception cref="DeliveryConfigurationException">A setting is missing, malformed or not allowed.</exception>
    public static void Validate(DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.MaxAttempts is < 1 or > 100)
        {
            problems.Add($"{Root}:MaxAttempts must be 1 to 100 (it is {options.MaxAttempts}).");
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            problems.Add($"{Root}:RetryDelay must be positive and at most {Root}:MaxRetryDelay.");
        }

        if (options.Interval <= TimeSpan.Zero || options.Tickets.Interval <= TimeSpan.Zero || options.ClaimLease <= TimeSpan.Zero || options.MaxAge <= TimeSpan.Zero)
        {
            problems.Add($"{Root}:Interval, {Root}:Tickets:Interval, {Root}:ClaimLease and {Root}:MaxAge must be positive.");
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            problems.Add($"{Root}:BatchSize must be 1 to 10000.");
        }

        if (options.BaseUrl is { } baseUrl && (!baseUrl.IsAbsoluteUri || baseUrl.Scheme is not ("http" or "https")))
        {
            problems.Add($"{Root}:BaseUrl must be an absolute http(s) URL, e.g. https://rampart.example.com/.");
        }

        ValidateEmail(options.Email, problems);
        ValidateWebhooks(options.Webhooks, problems);
        ValidateTickets(options.Tickets, problems);
        if (problems.Count > 0)
        {
            throw new DeliveryConfigurationException(problems);
        }
    }

    private static void ValidateEmail(EmailOptions email, List<string> problems)
    {
        const string at = Root + ":Email";
        if (!email.IsConfigured)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(email.From) || !MailboxAddress.TryParse(email.From, out _))
        {
            problems.Add($"{at}:From must be the sender's address (\"Rampart <rampart@example.com>\") when {at}:Host is set.");
        }

        if (email.Port is < 1 or > 65535)
        {
            problems.Add($"{at}:Port must be 1 to 65535.");
        }

        if (!string.IsNullOrEmpty(email.UserName) && string.IsNullOrEmpty(email.Password))
        {
            problems.Add($"{at}:Password is required with {at}:UserName.");
        }

        foreach (var (party, address) in email.Parties)
        {
            if (!MailboxAddress.TryParse(address, out _))
            {
                problems.Add($"{at}:Parties:{party} is not an e-mail address.");
            }
        }
    }

    private static void ValidateWebhooks(WebhookOptions webhooks, List<string> problems)
    {
        const string at = Root + ":Webhooks";
        foreach (var bad in webhooks.AllowedHosts.Where(h => string.IsNullOrWhiteSpace(h) || h.Contains('/', StringComparison.Ordinal) || h.Contains(':', StringComparison.Ordinal) && !h.Contains('[', StringComparison.Ordinal)))
        {
            problems.Add($"{at}:AllowedHosts: '{bad}' is not a host name (write hooks.slack.com or *.example.com, no scheme, port or path).");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < webhooks.Targets.Count; i++)
        {
            var target = webhooks.Targets[i];
            var setting = $"{at}:Targets:{i}";
            if (string.IsNullOrWhiteSpace(target.Name) || target.Name.Length > 200)
            {
                problems.Add($"{setting}:Name is required (1 to 200 characters): deliveries are recorded under it.");
            }
            else if (!names.Add(target.Name))
            {
                problems.Add($"{setting}:Name '{target.Name}' is used by another target.");
            }

            if (target.Url is not { IsAbsoluteUri: true } url)
            {
                problems.Add($"{setting}:Url must be an absolute URL.");
            }
            else if (!HostAllowList.IsSecureEnough(url))
            {
                problems.Add($"{setting}:Url must use https (plain http only to this machine).");
            }
            else if (!HostAllowList.Allows(webhooks.AllowedHosts, url))
            {
                problems.Add($"{setting}:Url: host {url.IdnHost} is not in {at}:AllowedHosts ({Shown(webhooks.AllowedHosts)}); the webhook is refused and never called.");
            }

            if (target.Format == WebhookFormat.Rampart && string.IsNullOrEmpty(target.Secret))
            {
                problems.Add($"{setting}:Secret is required for the rampart format: receivers check X-Rampart-Signature with it.");
            }
            else if (target.Secret is { Length: > 0 and < 16 })
            {
                problems.Add($"{setting}:Secret must have at least 16 characters.");
            }
        }
    }

    private static void ValidateTickets(TicketOptions tickets, List<string> problems)
    {
        const string at = Root + ":Tickets";
        if (tickets.GitHub.IsConfigured)
        {
            var repository = tickets.GitHub.Repository!.Split('/');
            if (repository.Length != 2 || repository.Any(part => part.Length == 0 || !part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            {
                problems.Add($"{at}:GitHub:Repository must be owner/repo.");
            }

            if (string.IsNullOrWhiteSpace(tickets.GitHub.Token))
            {
                problems.Add($"{at}:GitHub:Token is required with {at}:GitHub:Repository.");
            }

            if (!HostAllowList.IsSecureEnough(tickets.GitHub.ApiUrl))
            {
                problems.Add($"{at}:GitHub:ApiUrl must be an absolute https URL.");
            }
        }

        if (tickets.Jira.IsConfigured)
        {
            if (!HostAllowList.IsSecureEnough(tickets.Jira.Url!))
            {
                problems.Add($"{at}:Jira:Url must be an absolute https URL (the site, https://acme.atlassian.net/).");
            }

            foreach (var (name, value) in new[] { ("Email", tickets.Jira.Email), ("ApiToken", tickets.Jira.ApiToken), ("Project", tickets.Jira.Project) })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    problems.Add($"{at}:Jira:{name} is required with {at}:Jira:Url.");
                }
            }

            foreach (var key in tickets.Jira.Priorities.Keys.Where(k => !Enum.TryParse<Core.Findings.Priority>(k, ignoreCase: true, out _)))
            {
                problems.Add($"{at}:Jira:Priorities:{key}: keys are P1, P2, P3 and P4.");
            }
        }
    }

    private static string Shown(IList<string> hosts) => hosts.Count == 0 ? "empty" : string.Join(", ", hosts);
}
