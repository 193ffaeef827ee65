using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.FileProviders;
using Rampart.Data;
using Rampart.Services;
using Rampart.Services.Delivery;
using Rampart.Web.Apis;
using Rampart.Web.Delivery;
using Rampart.Web.Demo;
using Rampart.Web.Feeds;
using Rampart.Web.Hosting;
using Rampart.Web.Policies;
using Rampart.Web.Remediation;
using Rampart.Web.Security;
using Scalar.AspNetCore;

namespace Rampart.Web;

/// <summary>
/// Builds and runs the Rampart web host (REST API + web UI). Called by <c>rampart serve</c> and by this project's Program,
/// so nothing here depends on which assembly is the entry point.
/// </summary>
public static class RampartWebApp
{
    /// <summary>Configuration key (and environment variable) naming the database, as <c>--db</c> does for the CLI.</summary>
    public const string DatabaseSetting = "RAMPART_DB";

    /// <summary>Configuration key (and environment variable) naming the data folder.</summary>
    public const string DataDirectorySetting = "RAMPART_DATA";

    private static readonly string WebAssemblyName = typeof(RampartWebApp).Assembly.GetName().Name!;

    /// <summary>Builds the host; the database is migrated and the first admin created when it starts.</summary>
    public static WebApplication Build(RampartWebOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ApplicationName = WebAssemblyName,
        });
        if (options.Urls is { Length: > 0 } urls)
        {
            builder.WebHost.UseUrls(urls);
        }

        // EF Core logs every SQL statement and migration step at Information: keep the console for what people need.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Migrations", LogLevel.Warning);

        var resolved = Resolve(options, builder.Configuration);
        builder.Services.AddSingleton(resolved);
        if (options.TimeProvider is { } clock)
        {
            builder.Services.AddSingleton(clock);
        }

        var feeds = FeedScheduleOptions.From(builder.Configuration);
        builder.Services.AddSingleton(feeds.Settings(resolved.DataDirectory!));
        builder.Services.AddRampartServices(resolved.Database!, resolved.DataDirectory);
        builder.Services.AddRampartFeedSchedule(feeds);
        var delivery = DeliverySettings.Read(builder.Configuration); // a bad setting stops the start, naming it
        builder.Services.AddRampartDelivery(delivery);
        builder.Services.AddRampartDeliverySchedule(delivery);
        builder.Services.AddRampartPolicySchedule(builder.Configuration.GetValue("Rampart:Policy:Checks", defaultValue: true)); // local work only: on by default
        builder.Services.AddRampartRemediationSchedule(builder.Configuration.GetValue("Rampart:Remediation:Escalations", defaultValue: true));
        builder.Services.AddRampartWeb(resolved);

        var app = builder.Build();
        app.UseRampartWeb();
        return app;
    }

    /// <summary>Builds, starts and runs the host until <paramref name="cancellationToken"/> fires or the process is asked to stop.</summary>
    public static async Task RunAsync(RampartWebOptions options, string[]? args = null, CancellationToken cancellationToken = default)
    {
        await using var app = Build(options, args);
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
    }

    private static RampartWebOptions Resolve(RampartWebOptions options, ConfigurationManager configuration)
    {
        var configured = configuration[DataDirectorySetting];
        var dataDirectory = Path.GetFullPath(options.DataDirectory
            ?? (string.IsNullOrEmpty(configured) ? Path.Combine(Directory.GetCurrentDirectory(), "data") : configured));
        var database = options.Database ?? DatabaseTarget.Resolve(configuration[DatabaseSetting], dataDirectory);
        return options with { Database = database, DataDirectory = dataDirectory };
    }

    private static void AddRampartWeb(this IServiceCollection services, RampartWebOptions options)
    {
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<ApiDocumentTransformer>());
        services.AddRampartAuthentication();
        services.AddSignInRateLimit(options.SignInAttemptsPerMinute);
        services.AddRazorPages()
            .AddMvcOptions(mvc => mvc.MaxModelBindingCollectionSize = 100)
            .ConfigureApplicationPartManager(parts =>
            {
                // When `rampart` (the CLI) is the entry assembly, MVC would not find these pages on its own.
                if (!parts.ApplicationParts.Any(part => part.Name == WebAssemblyName))
                {
                    var assembly = typeof(RampartWebApp).Assembly;
                    foreach (var part in Microsoft.AspNetCore.Mvc.ApplicationParts.ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    {
                        parts.ApplicationParts.Add(part);
                    }
                }
            });
        services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = options.MaxUploadBytes);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestBodySize = options.MaxUploadBytes + (1024 * 1024)); // room for the multipart envelope
        if (options.PersistDataProtectionKeys)
        {
            // A later issue moves the keys into the database so that several nodes can share them.
            services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataDirectory!, "keys")));
        }

        services.AddScoped<DemoWorkspace>();
        services.AddHostedService<RampartStartup>();
    }

    private static void UseRampartWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHsts();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.Environment.WebRootFileProvider = new ManifestEmbeddedFileProvider(typeof(RampartWebApp).Assembly, "Assets");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<PasswordChangeMiddleware>();
        app.UseAntiforgery();

        app.MapHealthApi();
        var api = app.MapGroup("/api/v1")
            .DisableAntiforgery()
            .AddEndpointFilter<SessionAntiforgeryFilter>();
        api.MapScansApi();
        api.MapFindingsApi();
        api.MapFindingWorkflowApi();
        api.MapRemediationApi();
        api.MapAssetsApi();
        api.MapPrioritizationApi();
        api.MapFeedsApi();
        api.MapPolicyApi();
        api.MapVulnerabilitiesApi();
        app.MapOpenApi();
        app.MapScalarApiReference("/api/docs", scalar => scalar
            .WithTitle("Rampart API")
            .DisableDefaultFonts() // no font CDN: the page works offline and under the CSP
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            .AddPreferredSecuritySchemes(ApiDocumentTransformer.SecuritySchemeName));
        app.MapRazorPages();
    }
}
