using Rampart.Data;
using Rampart.Services.Security;
using Rampart.Web.Demo;

namespace Rampart.Web.Hosting;

/// <summary>
/// Runs before the server accepts requests: applies migrations, creates the first admin (printing its one-time
/// password to the console, never to the log) and, when asked, loads the demo workspace.
/// </summary>
public sealed class RampartStartup(IServiceScopeFactory scopes, RampartWebOptions options, ILogger<RampartStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Rampart uses {Database}", options.Database!.Describe());
        await using (var scope = scopes.CreateAsyncScope())
        {
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<RampartDbContext>(), cancellationToken);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var password = await scope.ServiceProvider.GetRequiredService<UserService>().EnsureAdminAsync(cancellationToken);
            if (password is not null)
            {
                var console = options.Console ?? Console.Out;
                await console.WriteLineAsync($"Rampart created the user 'admin' with the one-time password: {password} — sign in and change it.");
                await console.FlushAsync(cancellationToken);
            }
        }

        if (options.Demo)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoWorkspace>().LoadAsync(options.ResolvedDemoDirectory, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
