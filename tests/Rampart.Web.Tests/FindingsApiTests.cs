using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rampart.Data;
using Rampart.Testing;

namespace Rampart.Web.Tests;

public sealed class FindingsApiTests
{
    private const int GosecFindings = 21; // see ScansApiTests for how this was counted

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_PagesThroughEveryFinding(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();
        await Uploads.PostAsync(client, "sarif/gosec.sarif", "payments-api");

        var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/findings?pageSize=5");
        var last = await client.GetFromJsonAsync<JsonElement>("/api/v1/findings?pageSize=5&page=5");

        Assert.Equal(5, first.GetProperty("items").GetArrayLength());
        Assert.Equal(GosecFindings, first.GetProperty("totalCount").GetInt64());
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        Assert.Equal(1, first.GetProperty("page").GetInt32());
        Assert.Equal(5, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(1, last.GetProperty("items").GetArrayLength()); // 21 = 4 × 5 + 1
        Assert.False(last.GetProperty("hasMore").GetBoolean());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_FilterBySeverity_PartitionsTheFindings(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();
        await Uploads.PostAsync(client, "sarif/gosec.sarif", "payments-api");
        long total = 0;

        foreach (var severity in Enum.GetNames<Core.Findings.Severity>())
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/findings?severity={severity.ToUpperInvariant()}&pageSize=500");
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.All(items, item => Assert.Equal(severity, item.GetProperty("severity").GetString()));
            total += page.GetProperty("totalCount").GetInt64();
        }

        Assert.Equal(GosecFindings, total);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_FilterByAssetAndText_NarrowsTheList(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();
        await Uploads.PostAsync(client, "sarif/gosec.sarif", "payments-api");
        await Uploads.PostAsync(client, "sarif/bandit-1.9.3.sarif", "ml-pipeline");

        var gosec = await client.GetFromJsonAsync<JsonElement>("/api/v1/findings?asset=payments-api&pageSize=500");
        var title = gosec.GetProperty("items")[0].GetProperty("title").GetString()!;
        var searched = await client.GetFromJsonAsync<JsonElement>($"/api/v1/findings?asset=payments-api&q={Uri.EscapeDataString(title)}");

        Assert.Equal(GosecFindings, gosec.GetProperty("totalCount").GetInt64());
        Assert.All(gosec.GetProperty("items").EnumerateArray(), item => Assert.Equal("payments-api", item.GetProperty("asset").GetString()));
        Assert.InRange(searched.GetProperty("totalCount").GetInt64(), 1, GosecFindings - 1);
        Assert.All(searched.GetProperty("items").EnumerateArray(), item => Assert.Equal(title, item.GetProperty("title").GetString()));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_BadEnumValue_Is400Problem(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();

        var response = await client.GetAsync("/api/v1/findings?status=Sleeping&priority=P9&pageSize=100000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("status", out _));
        Assert.True(errors.TryGetProperty("priority", out _));
        Assert.True(errors.TryGetProperty("pageSize", out _));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Get_Finding_HasObservationsAndReasons(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();
        await Uploads.PostAsync(client, "sarif/gosec.sarif", "payments-api");
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/findings?pageSize=1");
        var id = list.GetProperty("items")[0].GetProperty("id").GetInt64();

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/findings/{id}");

        Assert.Equal(id, detail.GetProperty("summary").GetProperty("id").GetInt64());
        Assert.Equal("payments-api", detail.GetProperty("summary").GetProperty("asset").GetString());
        Assert.Equal(1, detail.GetProperty("observations").GetArrayLength());
        Assert.NotEqual(0, detail.GetProperty("priorityReasons").GetArrayLength());
        Assert.Matches("^P[1-4]$", detail.GetProperty("summary").GetProperty("priority").GetString());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Get_UnknownFinding_Is404Problem(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();

        var response = await client.GetAsync("/api/v1/findings/987654321");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Assets_ListsUploadedAssets(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();
        await Uploads.PostAsync(client, "sarif/gosec.sarif", "payments-api");

        var assets = await client.GetFromJsonAsync<JsonElement>("/api/v1/assets");

        var asset = Assert.Single(assets.EnumerateArray());
        Assert.Equal("payments-api", asset.GetProperty("name").GetString());
        Assert.Equal(GosecFindings, asset.GetProperty("openFindings").GetInt32());
    }
}
