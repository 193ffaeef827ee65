using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Rampart.Data;
using Rampart.Services.Findings;
using Rampart.Testing;

namespace Rampart.Web.Tests;

public sealed class ScansApiTests
{
    // gosec.sarif holds 21 results, all distinct by rule + file + line:
    //   jq '[.runs[].results[]]|length' gosec.sarif                                       → 21
    //   jq '[.runs[].results[] | {r:.ruleId, u:.locations[0].physicalLocation.artifactLocation.uri,
    //        l:.locations[0].physicalLocation.region.startLine}] | unique | length' gosec.sarif → 21
    private const int GosecFindings = 21;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upload_RealSarif_Is201WithCounts(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();

        var response = await Uploads.PostAsync(client, "sarif/gosec.sarif", "payments-api");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sarif", body.GetProperty("format").GetString());
        Assert.Equal("payments-api", body.GetProperty("asset").GetString());
        Assert.Equal("gosec", body.GetProperty("tool").GetString(), ignoreCase: true);
        Assert.Equal(GosecFindings, body.GetProperty("findings").GetInt32());
        Assert.Equal(GosecFindings, body.GetProperty("new").GetInt32());
        Assert.Equal(0, body.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, body.GetProperty("reopened").GetInt32());
        Assert.Equal(0, body.GetProperty("closed").GetInt32());
        Assert.True(body.GetProperty("scanId").GetInt64() > 0);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upload_SameReportTwice_SecondIsUnchanged(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();

        await Uploads.PostAsync(client, "sarif/gosec.sarif", "payments-api", format: "sarif");
        var second = await Uploads.PostAsync(client, "sarif/gosec.sarif", "payments-api", format: "sarif");

        var body = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, body.GetProperty("new").GetInt32());
        Assert.Equal(GosecFindings, body.GetProperty("unchanged").GetInt32());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upload_ZeroBytes_Is400ProblemNamingTheFile(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();

        var response = await client.PostAsync("/api/v1/scans", Uploads.Form([], "empty-report.sarif", "payments-api"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains("empty-report.sarif", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("empty-report.sarif", problem.GetProperty("file").GetString());
        Assert.Equal(0, await CountFindingsAsync(host));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upload_TruncatedReimport_Is400AndChangesNothing(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();
        await Uploads.PostAsync(client, "sarif/gosec.sarif", "payments-api");
        var bytes = await File.ReadAllBytesAsync(Corpus.File("sarif/gosec.sarif"));

        var response = await client.PostAsync("/api/v1/scans", Uploads.Form(bytes[..(bytes.Length / 2)], "gosec-cut.sarif", "payments-api"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("gosec-cut.sarif", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("gosec-cut.sarif", problem.GetProperty("file").GetString());
        // Had the truncated report been applied, it would have closed the findings it no longer lists.
        var open = await host.UseAsync<FindingQueries, PageOf<FindingSummary>>(q => q.ListAsync(new FindingFilter(Status: Core.Findings.FindingStatus.Open)));
        Assert.Equal(GosecFindings, open.TotalCount);
        Assert.Equal(GosecFindings, await CountFindingsAsync(host));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upload_NotAReport_Is400(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();

        var response = await client.PostAsync("/api/v1/scans", Uploads.Form(Encoding.UTF8.GetBytes("name,severity\nx,high\n"), "export.csv", "payments-api"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("export.csv", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountFindingsAsync(host));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upload_MissingAssetAndBadFormat_Is400ValidationProblem(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.WithTokenAsync();
        var form = Uploads.Form(Encoding.UTF8.GetBytes("{}"), "x.json", asset: " ", format: "pdf");

        var response = await client.PostAsync("/api/v1/scans", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("asset", out _), "A blank asset should be reported under errors.asset.");
        Assert.True(errors.TryGetProperty("format", out _), "An unknown format should be reported under errors.format.");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upload_WithSessionCookieButNoAntiforgeryToken_IsRefused(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await host.SignedInAsync();
        var bytes = await File.ReadAllBytesAsync(Corpus.File("sarif/gosec.sarif"));

        var response = await client.PostAsync("/api/v1/scans", Uploads.Form(bytes, "gosec.sarif", "payments-api"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountFindingsAsync(host));
    }

    private static Task<int> CountFindingsAsync(WebTestHost host) =>
        host.UseAsync<RampartDbContext, int>(db => Task.FromResult(db.Findings.Count()));
}
