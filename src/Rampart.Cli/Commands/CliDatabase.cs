using Microsoft.Extensions.DependencyInjection;
using Rampart.Data;
using Rampart.Services;
using Rampart.Web;

namespace Rampart.Cli.Commands;

/// <summary>Resolves the database from --db / RAMPART_DB and opens a migrated service scope on it.</summary>
internal static class CliDatabase
{
    /// <summary>SQLite files go to RAMPART_DATA when set (the same setting the web host reads), else ./data (created on first use).</summary>
    public static string DefaultDataDirectory =>
        Environment.GetEnvironmentVariable(RampartWebApp.DataDirectorySetting) is { Length: > 0 } dir ? dir : Path.Combine(Environment.CurrentDirectory, "data");

    public static DatabaseTarget Resolve(string? option) =>
        DatabaseTarget.Resolve(option ?? Environment.GetEnvironmentVariable("RAMPART_DB"), DefaultDataDirectory);

    /// <summary>A service provider with the use cases on a migrated database (the database is created on first use).</summary>
    public static async Task<ServiceProvider> OpenAsync(string? option, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddRampartServices(Resolve(option), DefaultDataDirectory);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<RampartDbContext>(), cancellationToken);
        return provider;
    }
}
