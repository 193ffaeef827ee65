using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rampart.Core.Security;
using Rampart.Data;
using Rampart.Services.Assets;
using Rampart.Services.Dashboard;
using Rampart.Services.Feeds;
using Rampart.Services.Findings;
using Rampart.Services.Imports;
using Rampart.Services.Policies;
using Rampart.Services.Prioritization;
using Rampart.Services.Osv;
using Rampart.Services.Security;
using Rampart.Services.Workflow;

namespace Rampart.Services;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the database (see <see cref="DatabaseTarget"/>), the use cases and TimeProvider.System (unless already registered).</summary>
    /// <param name="dataDirectory">The data folder (feed downloads are cached in its feeds/ folder); default: the SQLite
    /// file's folder, else ./data. A <see cref="FeedSettings"/> registered before this call wins.</param>
    /// <remarks>The schema is not created here: hosts call <see cref="DatabaseMigrator.MigrateAsync"/> once at start-up.</remarks>
    public static IServiceCollection AddRampartServices(this IServiceCollection services, DatabaseTarget target, string? dataDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(target);

        services.AddDbContext<RampartDbContext>(options => RampartDatabase.Configure(options, target));
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging(); // adds nothing when the host already configured logging
        services.TryAddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();

        services.TryAddSingleton<ExploitIntelCache>();
        services.TryAddSingleton<PolicyTermsCache>();
        services.AddScoped<PolicyService>();
        services.AddScoped<PolicyQueries>();
        services.AddScoped<DueDateRecomputer>();
        services.AddScoped<PolicyChecks>();
        services.AddScoped<Workflow.EscalationService>();
        services.AddScoped<Workflow.SlaService>();
        services.AddScoped<PolicyExemptionService>();
        services.TryAddScoped<IReprioritizer, Reprioritizer>();
        // A ticket a person closes marks its finding fixed (awaiting verification); AddRampartDelivery, called after, keeps it.
        services.TryAddScoped<Tickets.ITicketClosedHandler, WorkflowTicketClosedHandler>();
        services.AddScoped<PriorityOverrideService>();
        services.AddScoped<AssetContextService>();
        services.AddScoped<ImportService>();
        services.AddScoped<OsvRecordLoader>();
        services.AddScoped<InventoryMatcher>();
        services.AddScoped<FindingQueries>();
        services.AddScoped<AssetQueries>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<TokenService>();
        services.AddScoped<UserService>();
        services.AddScoped<WorkflowEvents>(); // listeners: TryAddEnumerable(ServiceDescriptor.Scoped<IFindingWorkflowListener, …>())
        services.AddScoped<FindingWorkflowService>();
        services.AddScoped<RiskAcceptanceService>();
        services.AddScoped<BulkTriageService>();
        services.AddScoped<DueDiligenceService>();
        services.AddScoped<WorkQueries>();

        var data = dataDirectory ?? Path.GetDirectoryName(target.SqliteFilePath) ?? Path.Combine(Environment.CurrentDirectory, "data");
        services.TryAddSingleton(FeedSettings.InDataDirectory(data));
        services.AddHttpClient<FeedDownloader>(http =>
            {
                http.Timeout = TimeSpan.FromMinutes(10);
                http.DefaultRequestHeaders.UserAgent.ParseAdd("Rampart-feeds/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All });
        services.AddScoped<FeedUpdateService>();
        services.AddScoped<FeedQueries>();
        return services;
    }
}
