using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Data;
using Rampart.Services.Security;
using Rampart.Testing;

namespace Rampart.Web.Tests;

/// <summary>A started Rampart web host on a fresh database of one provider, with helpers for signed-in clients.</summary>
public sealed partial class WebTestHost : IAsyncDisposable
{
    public const string UserName = "tester";

    public const string Password = "correct horse battery staple";

    private readonly TestDatabase _database;
    private readonly string _dataDirectory;

    private WebTestHost(TestDatabase database, string dataDirectory, RampartWebFactory factory)
    {
        _database = database;
        _dataDirectory = dataDirectory;
        Factory = factory;
    }

    public RampartWebFactory Factory { get; }

    public static async Task<WebTestHost> StartAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var dataDirectory = Directory.CreateTempSubdirectory("rampart-web-tests-").FullName;
        var factory = new RampartWebFactory(database, dataDirectory);
        _ = factory.Server; // starts the host: migrations run and the first admin is created
        return new WebTestHost(database, dataDirectory, factory);
    }

    /// <summary>A client with no credentials that does not follow redirects.</summary>
    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client that sends a fresh API token (created through the product's TokenService).</summary>
    public async Task<HttpClient> WithTokenAsync()
    {
        var token = await UseAsync<TokenService, CreatedToken>(tokens => tokens.CreateAsync("web-tests"));
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    /// <summary>A browser-like client (cookies, redirects followed) signed in through the /login form.</summary>
    public async Task<HttpClient> SignedInAsync(string userName = UserName, string password = Password, bool createUser = true)
    {
        if (createUser)
        {
            await UseAsync<UserService, Core.Security.User>(users => users.CreateAsync(userName, password, isAdmin: false));
        }

        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostFormAsync(client, "/login", new() { ["UserName"] = userName, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {userName} should redirect, but answered {response.StatusCode}.");
        return client;
    }

    /// <summary>Posts a page's form the way a browser does: first GETs the page for its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, $"{path} should contain an antiforgery token field.");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public async Task<T> UseAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
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

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
