using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rampart.Core.Findings;
using Rampart.Data;
using Rampart.Testing;

namespace Rampart.Web.Tests;

/// <summary>
/// Every corpus report through POST /api/v1/scans, with the results counted independently in <see cref="CorpusReports"/>.
/// SQLite only: the service tests run the same imports on both databases.
/// </summary>
public sealed class ScansApiCorpusTests
{
    [Fact]
    public async Task Upload_EveryCorpusReport_Is201WithItsResultsThen200AlreadyImported()
    {
        await using var host = await WebTestHost.StartAsync(DatabaseProvider.Sqlite);
        var client = await host.WithTokenAsync();
        var failures = new List<string>();

        foreach (var report in CorpusReports.All)
        {
            // One asset per report: reports of one tool on one asset would reconcile against each other.
            var asset = "corpus-" + report.Path.Replace('/', '-');
            var bytes = await File.ReadAllBytesAsync(Corpus.File(report.Path));
            var format = report.Forced ? ReportFormatNames.Name(report.Format) : null;

            using var first = await client.PostAsync("/api/v1/scans", Uploads.Form(bytes, Path.GetFileName(report.Path), asset, format));
            var body = await first.Content.ReadFromJsonAsync<JsonElement>();
            if (first.StatusCode != HttpStatusCode.Created)
            {
                failures.Add($"{report.Path}: {(int)first.StatusCode} {body}");
                continue;
            }

            var (name, findings, duplicates) = (body.GetProperty("format").GetString(), body.GetProperty("findings").GetInt32(), body.GetProperty("duplicates").GetInt32());
            if (name != ReportFormatNames.Name(report.Format) || findings + duplicates != report.Results || body.GetProperty("alreadyImported").GetBoolean())
            {
                failures.Add($"{report.Path}: expected {ReportFormatNames.Name(report.Format)} with {report.Results} results, got {body}");
            }

            using var again = await client.PostAsync("/api/v1/scans", Uploads.Form(bytes, Path.GetFileName(report.Path), asset, format));
            var second = await again.Content.ReadFromJsonAsync<JsonElement>();
            if (again.StatusCode != HttpStatusCode.OK
                || !second.GetProperty("alreadyImported").GetBoolean()
                || second.GetProperty("scanId").GetInt64() != body.GetProperty("scanId").GetInt64()
                || second.GetProperty("findings").GetInt32() != findings)
            {
                failures.Add($"{report.Path} again: {(int)again.StatusCode} {second}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Upload_RefusedCorpusFiles_Are400ProblemsNamingTheFileAndTheReason()
    {
        await using var host = await WebTestHost.StartAsync(DatabaseProvider.Sqlite);
        var client = await host.WithTokenAsync();

        foreach (var (path, phrase) in CorpusReports.Refused)
        {
            var fileName = Path.GetFileName(path);
            using var response = await Uploads.PostAsync(client, path, "refused");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(fileName, problem.GetProperty("file").GetString());
            var detail = problem.GetProperty("detail").GetString();
            Assert.Contains(fileName, detail, StringComparison.Ordinal);
            Assert.Contains(phrase, detail, StringComparison.Ordinal);
        }

        Assert.Equal(0, await host.UseAsync<RampartDbContext, int>(db => Task.FromResult(db.Scans.Count())));
    }
}
