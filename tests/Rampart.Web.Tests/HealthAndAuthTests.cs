using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Rampart.Data;
using Rampart.Testing;

namespace Rampart.Web.Tests;

public sealed class HealthAndAuthTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Health_WithoutCredentials_ReportsOk(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);

        var response = await host.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ok", body.GetProperty("status").GetString());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindingsApi_WithoutCredentials_Is401NotARedirect(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);

        var response = await host.Anonymous().GetAsync("/api/v1/findings");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindingsApi_WithUnknownToken_Is401(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "rpt_not-a-real-token");

        var response = await client.GetAsync("/api/v1/findings");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindingsApi_WithApiToken_Is200(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();

        var response = await client.GetAsync("/api/v1/findings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, body.GetProperty("totalCount").GetInt64());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pages_WithoutSession_RedirectToSignIn(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);

        var response = await host.Anonymous().GetAsync("/findings?status=Open");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login?ReturnUrl=", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignIn_WithWrongPassword_ShowsGenericMessage(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = host.Anonymous();

        var response = await WebTestHost.PostFormAsync(client, "/login", new() { ["UserName"] = "admin", ["Password"] = "wrong password" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Pages.LoginModel.FailureMessage), html, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignIn_WithSession_ShowsDashboardAndUser(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.SignedInAsync();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Open findings by priority", html, StringComparison.Ordinal);
        Assert.Contains(WebTestHost.UserName, html, StringComparison.Ordinal);
        var cookie = string.Join(";", response.RequestMessage!.Headers.TryGetValues("Cookie", out var values) ? values : []);
        Assert.Contains("rampart.session", cookie, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignIn_WithOneTimePassword_MustChangeItFirst(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await host.UseAsync<Services.Security.UserService, Core.Security.User>(users => users.CreateAsync("newcomer", "first password 123", isAdmin: false));
        await host.UseAsync<RampartDbContext, int>(async db =>
        {
            var user = db.Users.Single(u => u.UserName == "newcomer");
            user.MustChangePassword = true;
            return await db.SaveChangesAsync();
        });
        var client = await host.SignedInAsync("newcomer", "first password 123", createUser: false);

        var dashboard = await client.GetAsync("/");
        var change = await WebTestHost.PostFormAsync(client, "/account/password", new()
        {
            ["CurrentPassword"] = "first password 123",
            ["NewPassword"] = "my own long password",
            ["ConfirmPassword"] = "my own long password",
        });
        var after = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Equal("/account/password", dashboard.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignIn_TooManyAttempts_Is429(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = host.Anonymous();
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 12; attempt++)
        {
            statuses.Add((await WebTestHost.PostFormAsync(client, "/login", new() { ["UserName"] = "admin", ["Password"] = "guess " + attempt })).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(10, statuses.Count(status => status == HttpStatusCode.OK)); // the default: 10 attempts a minute
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Responses_CarrySecurityHeaders(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);

        var response = await host.Anonymous().GetAsync("/login");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StaticAssets_AreServedFromTheAssemblyWithoutSignIn(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = host.Anonymous();

        var css = await client.GetAsync("/css/site.css");
        var chart = await client.GetAsync("/lib/chartjs/chart.umd.min.js");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Contains("Chart.js v4.6.1", await chart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
