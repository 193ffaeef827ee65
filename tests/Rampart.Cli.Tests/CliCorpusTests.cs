using System.Text.Json;
using Rampart.Core.Findings;
using Rampart.Data;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

/// <summary>Every corpus report through the real `rampart import --json`, with the results counted independently in <see cref="CorpusReports"/>.</summary>
public sealed class CliCorpusTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_EveryCorpusFolder_PrintsOneLinePerFileWithItsResults(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var failures = new List<string>();

        // One process per format folder, each for its own asset: importing every file into one asset would make the
        // reports of one tool reconcile against each other (their counts would not change, but their findings would close).
        foreach (var folder in CorpusReports.All.Where(r => !r.Forced).GroupBy(r => r.Path[..r.Path.IndexOf('/', StringComparison.Ordinal)]))
        {
            var reports = folder.ToList();
            var outcome = await RampartProcess.RunAsync(
                db.Target.ConnectionString, ["import", .. reports.Select(r => Corpus.File(r.Path)), "--asset", "corpus-" + folder.Key, "--json"]);
            var lines = outcome.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (outcome.ExitCode != 0 || lines.Length != reports.Count)
            {
                failures.Add($"{folder.Key}: exit {outcome.ExitCode}, {lines.Length} lines for {reports.Count} files; {outcome.StdErr}");
                continue;
            }

            foreach (var (report, line) in reports.Zip(lines))
            {
                using var json = JsonDocument.Parse(line);
                var result = json.RootElement;
                var (format, findings, duplicates) = (result.GetProperty("format").GetString(), result.GetProperty("findings").GetInt32(), result.GetProperty("duplicates").GetInt32());
                if (format != ReportFormatNames.Name(report.Format) || findings + duplicates != report.Results || result.GetProperty("asset").GetString() != "corpus-" + folder.Key)
                {
                    failures.Add($"{report.Path}: expected {ReportFormatNames.Name(report.Format)} with {report.Results} results, got {line}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Import_ForcedFormatOnAnEmptyFile_RecordsAnEmptyScan()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var forced = Assert.Single(CorpusReports.All, r => r.Forced);

        var outcome = await RampartProcess.RunAsync(db.Target.ConnectionString, "import", Corpus.File(forced.Path), "--asset", "osv", "--format", ReportFormatNames.Name(forced.Format), "--json");
        var unnamed = await RampartProcess.RunAsync(db.Target.ConnectionString, "import", Corpus.File(forced.Path), "--asset", "osv");

        Assert.True(outcome.ExitCode == 0, outcome.StdErr);
        using var json = JsonDocument.Parse(outcome.StdOut);
        Assert.Equal("osv-scanner", json.RootElement.GetProperty("format").GetString());
        Assert.Equal((0, 0), (json.RootElement.GetProperty("findings").GetInt32(), json.RootElement.GetProperty("duplicates").GetInt32()));
        Assert.True(json.RootElement.GetProperty("scanId").GetInt64() > 0);
        // Without --format a 0-byte file says nothing about its format: refused, naming the file.
        Assert.Equal(2, unnamed.ExitCode);
        Assert.Contains(Path.GetFileName(forced.Path), unnamed.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_RefusedCorpusFiles_ExitWithBadInputNamingTheFileAndTheReason()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        foreach (var (path, phrase) in CorpusReports.Refused)
        {
            var outcome = await RampartProcess.RunAsync(db.Target.ConnectionString, "import", Corpus.File(path), "--asset", "refused");

            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains(Path.GetFileName(path), outcome.StdErr, StringComparison.Ordinal);
            Assert.Contains(phrase, outcome.StdErr, StringComparison.Ordinal);
            Assert.Equal("", outcome.StdOut);
        }

        var list = await RampartProcess.RunAsync(db.Target.ConnectionString, "findings", "--json");
        Assert.Equal("[]", list.StdOut.Trim());
    }
}
