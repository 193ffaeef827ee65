using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Data;
using Rampart.Testing;

namespace Rampart.Web.Tests;

public sealed class OpenApiTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OpenApiDocument_ListsEveryApiRoute(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();
        var apiRoutes = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(endpoint => "/" + endpoint.RoutePattern.RawText!.Trim('/'))
            .Where(route => route.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Select(route => route.Replace(":long", "", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name.TrimEnd('/')).ToHashSet();
        Assert.NotEmpty(apiRoutes);
        Assert.All(apiRoutes, route => Assert.Contains(route, paths));
        Assert.Contains("/api/v1/scans", paths);
        Assert.Contains("/api/v1/findings/{id}", paths);
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiToken", out _));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ApiReference_WithSession_IsServed(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.SignedInAsync();

        var response = await client.GetAsync("/api/docs");
        if (response.StatusCode is System.Net.HttpStatusCode.Redirect or System.Net.HttpStatusCode.MovedPermanently)
        {
            response = await client.GetAsync(new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!)); // Scalar redirects relatively
        }

        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode} {response.RequestMessage?.RequestUri}");
        Assert.Contains("Rampart API", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
