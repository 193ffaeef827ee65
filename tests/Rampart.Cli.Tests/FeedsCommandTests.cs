using System.Text.Json;
using Rampart.Data;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

public sealed class FeedsCommandTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FeedsUpdate_CorpusFilesWithJson_PrintsOneObjectPerFeedAndAgainIsUnchanged(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        string[] args = ["feeds", "update", "--epss", Corpus.File("epss/epss_2026-09-29_first534rows.csv"), "--kev", Corpus.File("kev/known_exploited_vulnerabilities.json"), "--json"];

        var first = await RampartProcess.RunAsync(db.Target.ConnectionString, args);
        var second = await RampartProcess.RunAsync(db.Target.ConnectionString, args);

        Assert.True(first.ExitCode == 0, first.StdErr);
        var lines = first.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var epss = JsonDocument.Parse(lines[0]);
        using var kev = JsonDocument.Parse(lines[1]);
        // 534 rows (python3 csv), 1404 entries (jq '.vulnerabilities|length').
        Assert.Equal(("epss", "loaded", "2026-09-29", 534), (Text(epss, "feed"), Text(epss, "outcome"), Text(epss, "version"), epss.RootElement.GetProperty("records").GetInt32()));
        Assert.Equal(("kev", "loaded", "2025.08.25", 1404), (Text(kev, "feed"), Text(kev, "outcome"), Text(kev, "version"), kev.RootElement.GetProperty("added").GetInt32()));
        Assert.True(second.ExitCode == 0, second.StdErr);
        Assert.All(second.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries), line =>
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal("unchanged", Text(json, "outcome"));
        });
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FeedsStatus_AfterUpdate_ShowsVersionsAndCounts(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var update = await RampartProcess.RunAsync(db.Target.ConnectionString, "feeds", "update", "--epss", Corpus.File("epss/epss_2025-02-20_head5.csv"));

        var status = await RampartProcess.RunAsync(db.Target.ConnectionString, "feeds", "status");

        Assert.True(update.ExitCode == 0, update.StdErr);
        // A fresh database has no findings: the re-prioritizer runs and examines none.
        Assert.Equal("epss: loaded 5 EPSS scores for 2025-02-20 (model v2023.03.01); priorities re-decided: 0 of 0 open findings changed, 0 became P1.", update.StdOut.Trim());
        Assert.Equal(0, status.ExitCode);
        Assert.StartsWith("epss: version 2025-02-20, 5 records, from ", status.StdOut, StringComparison.Ordinal);
        Assert.Contains("kev: never loaded", status.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedsUpdate_BadEpssFile_ExitsWithBadInputNamingFileAndLine()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), $"rampart-bad-epss-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "#model_version:v1,score_date:2025-01-01\ncve,epss,percentile\nCVE-2024-0001,0.1,0.2\nCVE-2024-0002,2,0.2\n", TestContext.Current.CancellationToken);
        try
        {
            var outcome = await RampartProcess.RunAsync(db.Target.ConnectionString, "feeds", "update", "--epss", file);
            var status = await RampartProcess.RunAsync(db.Target.ConnectionString, "feeds", "status", "--json");

            Assert.Equal(2, outcome.ExitCode);
            Assert.Equal($"rampart: error: {file}:4: epss \"2\" is not a number from 0 to 1", outcome.StdErr.Trim());
            using var json = JsonDocument.Parse(status.StdOut);
            Assert.All(json.RootElement.EnumerateArray(), feed => Assert.Equal(JsonValueKind.Null, feed.GetProperty("version").ValueKind));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task FeedsUpdate_OfflineUrlWithoutCache_ExitsWithBadInput()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var outcome = await RampartProcess.RunAsync(db.Target.ConnectionString, "feeds", "update", "--kev", "https://example.invalid/kev.json", "--offline");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("offline, and there is no cached copy of this kev feed", outcome.StdErr, StringComparison.Ordinal);
    }

    private static string? Text(JsonDocument json, string name) => json.RootElement.GetProperty(name).GetString();
}
