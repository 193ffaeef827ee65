using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Rampart.Data;
using Rampart.Testing;

namespace Rampart.Web.Tests;

public sealed class FindingPageTests
{
    // Scanner text is hostile: a rule description and a message that try to inject markup.
    private const string HostileSarif = """
        {
          "version": "2.1.0",
          "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
          "runs": [{
            "tool": { "driver": { "name": "evil-scanner", "rules": [{
              "id": "EVIL001",
              "shortDescription": { "text": "<script>alert('title')</script> injection" },
              "fullDescription": { "text": "<img src=x onerror=alert('description')>" }
            }] } },
            "results": [{
              "ruleId": "EVIL001",
              "level": "error",
              "message": { "text": "<script>alert('message')</script>" },
              "locations": [{ "physicalLocation": { "artifactLocation": { "uri": "src/<b>bold</b>.js" }, "region": { "startLine": 7 } } }]
            }]
          }]
        }
        """;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindingPage_ScannerTextWithMarkup_IsEncoded(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var api = await host.WithTokenAsync();
        var upload = await api.PostAsync("/api/v1/scans", Uploads.Form(Encoding.UTF8.GetBytes(HostileSarif), "evil.sarif", "web-shop"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var id = (await api.GetFromJsonAsync<JsonElement>("/api/v1/findings")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var browser = await host.SignedInAsync();

        var html = await browser.GetStringAsync($"/findings/{id}");
        var list = await browser.GetStringAsync("/findings");

        Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(", list, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindingPage_RealFinding_ShowsReasonsLocationAndHistory(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var api = await host.WithTokenAsync();
        await Uploads.PostAsync(api, "sarif/gosec.sarif", "payments-api");
        var id = (await api.GetFromJsonAsync<JsonElement>("/api/v1/findings")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var browser = await host.SignedInAsync();

        var html = await browser.GetStringAsync($"/findings/{id}");

        Assert.Contains("data-testid=\"priority-reasons\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"finding-location\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"observations\"", html, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindingsPage_FilterAndPaging_StayInTheQueryString(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var api = await host.WithTokenAsync();
        await Uploads.PostAsync(api, "sarif/gosec.sarif", "payments-api");
        var browser = await host.SignedInAsync();

        var html = await browser.GetStringAsync("/findings?asset=payments-api&pageSize=5&page=2&sort=Title");

        Assert.Contains("21 findings", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/findings?asset=payments-api&amp;sort=Title&amp;pageSize=5&amp;page=3\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/findings?asset=payments-api&amp;sort=Title&amp;pageSize=5\"", html, StringComparison.Ordinal); // page 1
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindingsPage_BadFilter_ShowsTheProblemInsteadOfFailing(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var browser = await host.SignedInAsync();

        var response = await browser.GetAsync("/findings?priority=P7");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is not a priority", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UploadPage_EmptyFile_ShowsErrorAndChangesNothing(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var browser = await host.SignedInAsync();
        var page = await browser.GetStringAsync("/upload");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent([]), "Report", "nothing.json" },
            { new StringContent("payments-api"), "Asset" },
            { new StringContent("auto"), "Format" },
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
        };

        var response = await browser.PostAsync("/upload", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"upload-error\"", html, StringComparison.Ordinal);
        Assert.Contains("nothing.json", html, StringComparison.Ordinal);
        Assert.Equal(0, await host.UseAsync<RampartDbContext, int>(db => Task.FromResult(db.Findings.Count())));
    }
}
