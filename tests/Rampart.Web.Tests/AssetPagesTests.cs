using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rampart.Data;
using Rampart.Testing;

namespace Rampart.Web.Tests;

/// <summary>The assets list, the asset page (/assets/{id}) and GET /api/v1/assets/{id}[/components].</summary>
public sealed class AssetPagesTests
{
    // cdx-1.6_ml-bom_spec-example.json: one machine-learning-model component, group "CompVis", name "stable-diffusion",
    // version "1.4", publisher "Acme Inc"; modelCard.modelParameters.task "task goes here".
    private const string MlBom = "cyclonedx/cdx-1.6_ml-bom_spec-example.json";

    // cdx-1.5_trivy-0.48.1.json: 102 components (jq '.components | length'), metadata.component.name "ubuntu:latest",
    // 14 (vulnerability, affected component) pairs.
    private const string TrivySbom = "cyclonedx/cdx-1.5_trivy-0.48.1.json";

    // An ML-BOM whose model describes itself with markup: every field must come out as text.
    private const string HostileMlBom = """
        {
          "bomFormat": "CycloneDX",
          "specVersion": "1.6",
          "components": [{
            "type": "machine-learning-model",
            "name": "evil-model",
            "version": "<b>2</b>",
            "publisher": "<img src=x onerror=alert('publisher')>",
            "description": "<script>alert('description')</script>",
            "modelCard": { "modelParameters": { "task": "<script>alert('card')</script>" } }
          }]
        }
        """;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AssetsPage_MlBom_ListsTheModelWithProviderVersionAndLink(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var api = await host.WithTokenAsync();
        await Uploads.PostAsync(api, MlBom, "ml-platform");
        var model = await AssetAsync(api, "CompVis/stable-diffusion");
        var browser = await host.SignedInAsync();

        var html = await browser.GetStringAsync("/assets");

        var row = Regex.Match(html, "<tr data-testid=\"asset-row\">\\s*<td><a href=\"/assets/(\\d+)\">CompVis/stable-diffusion</a></td>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, "The assets page should list the model, linked to its page.");
        Assert.Equal(model.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), row.Groups[1].Value);
        Assert.Contains("<td>Model</td>", row.Groups[2].Value, StringComparison.Ordinal);
        Assert.Contains("<td>ModelProvider</td>", row.Groups[2].Value, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"asset-provider\">Acme Inc</td>", row.Groups[2].Value, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"asset-version\">1.4</td>", row.Groups[2].Value, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AssetPage_Model_ShowsTheModelCardAsPreformattedText(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var api = await host.WithTokenAsync();
        await Uploads.PostAsync(api, MlBom, "ml-platform");
        var id = (await AssetAsync(api, "CompVis/stable-diffusion")).GetProperty("id").GetInt64();
        var browser = await host.SignedInAsync();

        var html = await browser.GetStringAsync($"/assets/{id}");

        Assert.Contains("data-testid=\"asset-name\">CompVis/stable-diffusion</h1>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"asset-provider\">Acme Inc</dd>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"asset-version\">1.4</dd>", html, StringComparison.Ordinal);
        var card = Regex.Match(html, "<pre class=\"plain-text model-card\" data-testid=\"model-card\">(.*?)</pre>", RegexOptions.Singleline);
        Assert.True(card.Success, "The model card should be shown preformatted.");
        // Razor encodes the line breaks as &#xA;, which a <pre> shows as line breaks.
        Assert.Contains("task: task goes here&#xA;", card.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("dataset: Training Data&#xA;", card.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-sources\"", html, StringComparison.Ordinal); // registered from another asset's ML-BOM
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AssetPage_Sbom_ShowsSourceComponentCountAndPagesOfAHundred(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var api = await host.WithTokenAsync();
        await Uploads.PostAsync(api, TrivySbom, "ubuntu");
        var id = (await AssetAsync(api, "ubuntu")).GetProperty("id").GetInt64();
        var browser = await host.SignedInAsync();

        var first = await browser.GetStringAsync($"/assets/{id}");
        var second = await browser.GetStringAsync($"/assets/{id}?page=2");

        Assert.Contains("data-testid=\"components-count\">102 components, 100 per page</p>", first, StringComparison.Ordinal);
        Assert.Equal(100, ComponentRows(first));
        Assert.Equal(2, ComponentRows(second)); // 102 = 100 + 2
        Assert.Contains($"href=\"/assets/{id}?page=2\" rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Contains($"href=\"/assets/{id}\" rel=\"prev\"", second, StringComparison.Ordinal);
        var source = Regex.Match(first, "<tr data-testid=\"source\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("<td>trivy</td>", source, StringComparison.Ordinal);
        Assert.Contains("ubuntu:latest", source, StringComparison.Ordinal);
        Assert.Contains("cdx-1.5_trivy-0.48.1.json (cyclonedx)", source, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">14</td>", source, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">102</td>", source, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AssetPage_HostileMlBom_IsEncoded(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var api = await host.WithTokenAsync();
        var upload = await api.PostAsync("/api/v1/scans", Uploads.Form(Encoding.UTF8.GetBytes(HostileMlBom), "evil.cdx.json", "ml-platform"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var id = (await AssetAsync(api, "evil-model")).GetProperty("id").GetInt64();
        var browser = await host.SignedInAsync();

        var page = await browser.GetStringAsync($"/assets/{id}");
        var list = await browser.GetStringAsync("/assets");

        foreach (var html in new[] { page, list })
        {
            Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>2</b>", html, StringComparison.Ordinal);
            Assert.Contains("&lt;img src=x onerror=alert(", html, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;script&gt;alert(", page, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AssetPage_UnknownId_Is404(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var browser = await host.SignedInAsync();

        var response = await browser.GetAsync("/assets/4242");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AssetsApi_DetailAndComponents_GiveSourcesCountsAndPages(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var api = await host.WithTokenAsync();
        await Uploads.PostAsync(api, TrivySbom, "ubuntu");
        var id = (await AssetAsync(api, "ubuntu")).GetProperty("id").GetInt64();

        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/assets/{id}");
        var lastPage = await api.GetFromJsonAsync<JsonElement>($"/api/v1/assets/{id}/components?page=3&pageSize=50");
        var defaultPage = await api.GetFromJsonAsync<JsonElement>($"/api/v1/assets/{id}/components");
        var badPage = await api.GetAsync($"/api/v1/assets/{id}/components?pageSize=501");
        var unknown = await api.GetAsync("/api/v1/assets/4242");
        var unknownComponents = await api.GetAsync("/api/v1/assets/4242/components");

        Assert.Equal("ubuntu", detail.GetProperty("asset").GetProperty("name").GetString());
        Assert.Equal(102, detail.GetProperty("componentCount").GetInt64());
        var source = Assert.Single(detail.GetProperty("sources").EnumerateArray());
        Assert.Equal(("trivy", "ubuntu:latest", 14, 102), (source.GetProperty("tool").GetString(), source.GetProperty("scope").GetString(), source.GetProperty("presentFindings").GetInt32(), source.GetProperty("components").GetInt32()));
        Assert.Equal((102, false, 2), (lastPage.GetProperty("totalCount").GetInt64(), lastPage.GetProperty("hasMore").GetBoolean(), lastPage.GetProperty("items").GetArrayLength())); // 102 = 50 + 50 + 2
        Assert.Equal((100, true), (defaultPage.GetProperty("items").GetArrayLength(), defaultPage.GetProperty("hasMore").GetBoolean()));
        var adduser = Assert.Single(defaultPage.GetProperty("items").EnumerateArray().Concat(lastPage.GetProperty("items").EnumerateArray()), c => c.GetProperty("name").GetString() == "adduser");
        Assert.Equal("pkg:deb/ubuntu/adduser@3.118ubuntu5?arch=all&distro=ubuntu-22.04", adduser.GetProperty("purl").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.True((await badPage.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("pageSize", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknownComponents.StatusCode);
    }

    private static async Task<JsonElement> AssetAsync(HttpClient api, string name)
    {
        var assets = await api.GetFromJsonAsync<JsonElement>("/api/v1/assets");
        return Assert.Single(assets.EnumerateArray(), a => a.GetProperty("name").GetString() == name);
    }

    private static int ComponentRows(string html)
    {
        var table = Regex.Match(html, "<table class=\"table compact\" data-testid=\"components\">(.*?)</table>", RegexOptions.Singleline);
        Assert.True(table.Success, "The asset page should have a components table.");
        return Regex.Count(table.Groups[1].Value, "<tr>") - 1; // minus the header row
    }
}
