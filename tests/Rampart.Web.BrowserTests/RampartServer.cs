using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Data;
using Rampart.Services.Security;
using Rampart.Testing;

namespace Rampart.Web.BrowserTests;

/// <summary>
/// Rampart on a real Kestrel port (a browser cannot reach a TestServer), built the way <c>rampart serve</c> builds it,
/// on a fresh test database, with one known user.
/// </summary>
public sealed class RampartServer : IAsyncDisposable
{
    public const string UserName = "browser";

    public const string Password = "browser password 1";

    private readonly WebApplication _app;
    private readonly TestDatabase _database;
    private readonly string _dataDirectory;

    private RampartServer(WebApplication app, TestDatabase database, string dataDirectory, Uri address)
    {
        _app = app;
        _database = database;
        _dataDirectory = dataDirectory;
        Address = address;
    }

    public Uri Address { get; }

    /// <param name="clock">The server's clock; null for the system's.</param>
    public static async Task<RampartServer> StartAsync(DatabaseProvider provider, TimeProvider? clock = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var dataDirectory = Directory.CreateTempSubdirectory("rampart-browser-tests-").FullName;
        var app = RampartWebApp.Build(new RampartWebOptions
        {
            Database = database.Target,
            DataDirectory = dataDirectory,
            Urls = "http://127.0.0.1:0",
            Console = TextWriter.Null,
            TimeProvider = clock,
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserService>().CreateAsync(UserName, Password, isAdmin: true);
        }

        return new RampartServer(app, database, dataDirectory, new Uri(address));
    }

    public string Url(string path) => new Uri(Address, path).ToString();

    /// <summary>Runs a product service in a fresh scope, as a scheduled job of the server would.</summary>
    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Adds a user (not an admin) with the roles and teams given, through the product's UserService.</summary>
    public async Task AddUserAsync(string userName, string password, string[] roles, string[] teams)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserService>();
        await users.CreateAsync(userName, password, isAdmin: false);
        await users.SetAccessAsync(userName, roles, teams);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS temp cleaner
        }
    }
}
