using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rampart.Core.Security;
using Rampart.Data;
using Rampart.Services.Dashboard;
using Rampart.Services.Findings;
using Rampart.Services.Imports;
using Rampart.Services.Osv;
using Rampart.Services.Security;

namespace Rampart.Services;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the database (see <see cref="DatabaseTarget"/>), the use cases and TimeProvider.System (unless already registered).</summary>
    /// <remarks>The schema is not created here: hosts call <see cref="DatabaseMigrator.MigrateAsync"/> once at start-up.</remarks>
    public static IServiceCollection AddRampartServices(this IServiceCollection services, DatabaseTarget target)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(target);

        services.AddDbContext<RampartDbContext>(options => RampartDatabase.Configure(options, target));
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging(); // adds nothing when the host already configured logging
        services.TryAddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();

        services.AddScoped<ImportService>();
        services.AddScoped<OsvRecordLoader>();
        services.AddScoped<InventoryMatcher>();
        services.AddScoped<FindingQueries>();
        services.AddScoped<AssetQueries>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<TokenService>();
        services.AddScoped<UserService>();
        return services;
    }
}
