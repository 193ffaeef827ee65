using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rampart.Services.Delivery.Email;
using Rampart.Services.Delivery.Webhooks;
using Rampart.Services.Tickets;

namespace Rampart.Services.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the dispatcher, the configured channels (e-mail when a host is set, webhooks when targets are), the
    /// configured trackers and the ticket sync, after checking <paramref name="options"/> (<see cref="DeliverySettings.Validate"/>).
    /// A <see cref="ITicketClosedHandler"/> registered before this call wins over the default <see cref="TicketClosedNotifier"/>.
    /// </summary>
    /// <exception cref="DeliveryConfigurationException">The options are refused; nothing was registered.</exception>
    public static IServiceCollection AddRampartDelivery(this IServiceCollection services, DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        DeliverySettings.Validate(options);
        services.AddSingleton(options);
        services.AddScoped<NotificationDispatcher>();
        if (options.Email.IsConfigured)
        {
            services.AddScoped<IDeliveryChannel, EmailChannel>();
        }

        if (options.Webhooks.Targets.Count > 0)
        {
            services.AddHttpClient<WebhookChannel>(http =>
                {
                    http.Timeout = Timeout.InfiniteTimeSpan; // the channel's own per-attempt timeout applies
                    http.DefaultRequestHeaders.UserAgent.ParseAdd("Rampart-webhooks/1.0");
                })
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
            services.AddTransient<IDeliveryChannel>(provider => provider.GetRequiredService<WebhookChannel>());
        }

        if (options.Tickets.GitHub.IsConfigured)
        {
            services.AddHttpClient<GitHubIssues>(Tracker);
            services.AddTransient<ITicketTracker>(provider => provider.GetRequiredService<GitHubIssues>());
        }

        if (options.Tickets.Jira.IsConfigured)
        {
            services.AddHttpClient<JiraIssues>(Tracker);
            services.AddTransient<ITicketTracker>(provider => provider.GetRequiredService<JiraIssues>());
        }

        services.TryAddScoped<ITicketClosedHandler, TicketClosedNotifier>();
        services.AddScoped<TicketSync>();
        return services;
    }

    private static void Tracker(HttpClient http)
    {
        http.Timeout = TimeSpan.FromSeconds(30);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Rampart-tickets/1.0"); // GitHub refuses requests without a User-Agent
    }
}
