using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rampart.Data;
using Rampart.Services.Feeds;
using Rampart.Testing;

namespace Rampart.Web.Tests;

/// <summary>
/// Priorities through the API. The report is Grype 0.41.0's CycloneDX SBOM of log4j-core 2.13.2 (corpus), which
/// lists CVE-2021-44228 with the vector CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H. Expected outcomes are read off
/// CISA's SSVC table (CERT/CC "CISA Coordinator 2.0.3") by hand for the decision points that vector gives:
/// automatable (AV:N/AC:L/PR:N/UI:N) and total technical impact (C:H and I:H).
/// </summary>
public sealed class PrioritizationApiTests
{
    private const string Log4jSbom = "cyclonedx/cdx-1.4_grype-0.41.0_log4j.json";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Get_NewAssetWithoutFeeds_IsTrackP4WithThePath(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();
        var id = await Log4ShellAsync(client);

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/findings/{id}");

        // A new asset is internal, of medium criticality: mission medium; no KEV/EPSS loaded: exploitation none.
        // none · automatable · total · medium → Track (table row 10) → P4.
        var decision = detail.GetProperty("prioritization");
        Assert.Equal("P4", decision.GetProperty("computed").GetString());
        Assert.Equal("Track", decision.GetProperty("ssvc").GetString());
        Assert.Equal("none", decision.GetProperty("exploitation").GetString());
        var path = decision.GetProperty("path").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.EndsWith("→ Track → P4", path[0], StringComparison.Ordinal);
        Assert.Contains(path, line => line.Contains("AV:N/AC:L/PR:N/UI:N", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task KevLoad_Log4Shell_BecomesActAndP1WithKevDate(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();
        var id = await Log4ShellAsync(client);

        var load = await host.UseAsync<FeedUpdateService, FeedUpdateResult>(
            feeds => feeds.UpdateKevAsync(Corpus.File("kev/known_exploited_vulnerabilities.json")));
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/findings/{id}");
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/findings/{id}/priority-history");

        // The 2025.08.25 catalog lists CVE-2021-44228 with dateAdded 2021-12-10 (jq '.vulnerabilities[] | select(.cveID=="CVE-2021-44228")').
        // active · automatable · total · medium → Act (table row 34) → P1.
        Assert.True(load.Reprioritization?.BecameP1 >= 1, "Loading KEV should make at least Log4Shell P1.");
        var decision = detail.GetProperty("prioritization");
        Assert.Equal("P1", detail.GetProperty("summary").GetProperty("priority").GetString());
        Assert.Equal("Act", decision.GetProperty("ssvc").GetString());
        Assert.Equal("active", decision.GetProperty("exploitation").GetString());
        Assert.Equal("2021-12-10", decision.GetProperty("intel").GetProperty("kevDateAdded").GetString());
        Assert.StartsWith("KEV since 2021-12-10", decision.GetProperty("path")[0].GetString(), StringComparison.Ordinal);
        var change = history[0];
        Assert.Equal("P4", change.GetProperty("from").GetString());
        Assert.Equal("P1", change.GetProperty("to").GetString());
        Assert.StartsWith("feed:kev 2025.08.25", change.GetProperty("cause").GetString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Override_SetThenClear_RecordsWhoAndKeepsTheComputedPriority(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();
        var id = await Log4ShellAsync(client);

        var set = await client.PutAsJsonAsync($"/api/v1/findings/{id}/priority", new { priority = "P1", justification = "Public exploit used against our sector this week." });
        var overridden = await client.GetFromJsonAsync<JsonElement>($"/api/v1/findings/{id}");
        var cleared = await client.DeleteAsync($"/api/v1/findings/{id}/priority");
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/findings/{id}");
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/findings/{id}/priority-history");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("P1", overridden.GetProperty("summary").GetProperty("priority").GetString());
        var decision = overridden.GetProperty("prioritization");
        Assert.Equal("P4", decision.GetProperty("computed").GetString());
        Assert.Equal("P1", decision.GetProperty("override").GetProperty("priority").GetString());
        Assert.Equal("token:web-tests", decision.GetProperty("override").GetProperty("by").GetString()); // API tokens act as "token:<name>"
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal("P4", after.GetProperty("summary").GetProperty("priority").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("prioritization").GetProperty("override").ValueKind);
        Assert.Equal(2, history.GetArrayLength());
        Assert.All(history.EnumerateArray(), c => Assert.Equal("override", c.GetProperty("cause").GetString()));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Override_WithoutJustificationOrWithBadPriority_Is400AndChangesNothing(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();
        var id = await Log4ShellAsync(client);

        var noReason = await client.PutAsJsonAsync($"/api/v1/findings/{id}/priority", new { priority = "P1", justification = "" });
        var badPriority = await client.PutAsJsonAsync($"/api/v1/findings/{id}/priority", new { priority = "P0", justification = "a long enough justification" });
        var unknown = await client.PutAsJsonAsync("/api/v1/findings/987654321/priority", new { priority = "P1", justification = "a long enough justification" });
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/findings/{id}/priority-history");
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/findings/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("justification", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badPriority.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, history.GetArrayLength());
        Assert.Equal("P4", detail.GetProperty("summary").GetProperty("priority").GetString());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PatchAsset_InternetFacingCritical_ReDecidesWithTheAssetAsCause(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();
        var id = await Log4ShellAsync(client);
        var assetId = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/findings/{id}")).GetProperty("assetDetails").GetProperty("id").GetInt64();

        var response = await client.PatchAsJsonAsync($"/api/v1/assets/{assetId}", new { criticality = "critical", exposure = "Internet" });
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/findings/{id}");
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/findings/{id}/priority-history");

        // Critical asset: mission high. none · automatable · total · high → Attend (table row 11) → P2.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Critical", body.GetProperty("asset").GetProperty("criticality").GetString());
        Assert.Equal(8, body.GetProperty("reprioritization").GetProperty("examined").GetInt32()); // the SBOM's 8 vulnerabilities
        Assert.Equal("Attend", detail.GetProperty("prioritization").GetProperty("ssvc").GetString());
        Assert.Equal("P2", detail.GetProperty("summary").GetProperty("priority").GetString());
        Assert.Equal("asset:shop-api", history[0].GetProperty("cause").GetString());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PatchAsset_UnknownValue_Is400AndChangesNothing(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();
        var id = await Log4ShellAsync(client);
        var assetId = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/findings/{id}")).GetProperty("assetDetails").GetProperty("id").GetInt64();

        var response = await client.PatchAsJsonAsync($"/api/v1/assets/{assetId}", new { criticality = "Critical", exposure = "Everywhere" });
        var asset = await client.GetFromJsonAsync<JsonElement>($"/api/v1/assets/{assetId}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("exposure", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Medium", asset.GetProperty("asset").GetProperty("criticality").GetString());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Override_WithoutCredentials_Is401(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);

        var response = await host.Anonymous().PutAsJsonAsync("/api/v1/findings/1/priority", new { priority = "P1", justification = "a long enough justification" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindingPage_OverrideForm_SetsThePriorityAndShowsItBesideTheComputedOne(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var id = await Log4ShellAsync(await host.WithTokenAsync());
        var browser = await host.SignedInAsync();

        var post = await WebTestHost.PostFormAsync(browser, $"/findings/{id}?handler=Override",
            new() { ["OverridePriority"] = "P2", ["Justification"] = "Customer-facing; patch window is this week." });
        var page = await browser.GetStringAsync($"/findings/{id}");

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("data-testid=\"priority-override\"", page, StringComparison.Ordinal);
        Assert.Contains("computed P4", page, StringComparison.Ordinal);
        Assert.Contains("SSVC Track", page, StringComparison.Ordinal);
        Assert.Contains("Customer-facing; patch window is this week.", page, StringComparison.Ordinal);
        Assert.Contains("by " + WebTestHost.UserName, page, StringComparison.Ordinal);
    }

    /// <summary>Uploads the log4j SBOM to asset "shop-api" and returns the id of its CVE-2021-44228 finding.</summary>
    private static async Task<long> Log4ShellAsync(HttpClient client)
    {
        Assert.Equal(HttpStatusCode.Created, (await Uploads.PostAsync(client, Log4jSbom, "shop-api")).StatusCode);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/findings?asset=shop-api&q=CVE-2021-44228&pageSize=10");
        return Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64();
    }
}
