using Rampart.Core.Findings;
using Rampart.Data;
using Rampart.Ingest;
using Rampart.Services.Imports;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Imports;

/// <summary>Every importable corpus report goes through the whole import on both databases with its independently counted results.</summary>
public sealed class CorpusImportTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_EveryCorpusReport_CountsEveryResultOnceAndAgainAsUnchanged(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var failures = new List<string>();
        foreach (var report in CorpusReports.All)
        {
            var asset = "corpus-" + report.Path.Replace('/', '-');
            var content = ReportVariants.Bytes(report.Path);
            var format = report.Forced ? report.Format : ReportFormat.Auto;
            var first = await harness.ImportAsync(asset, content, Path.GetFileName(report.Path), format, scanDate: new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero));
            var again = await harness.ImportAsync(asset, content, Path.GetFileName(report.Path), format, scanDate: new DateTimeOffset(2025, 5, 2, 0, 0, 0, TimeSpan.Zero));

            var expected = (report.Format, report.Results, report.Results - first.Duplicates, 0);
            if ((first.Format, first.Findings + first.Duplicates, first.New, first.Closed) != expected
                || (again.New, again.Unchanged, again.Closed) != (0, first.Findings, 0))
            {
                failures.Add($"{report.Path}: first {first}, again {again}");
            }
        }

        Assert.Empty(failures);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_RefusedCorpusReports_ClearErrorAndNothingWritten(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        foreach (var (path, phrase) in CorpusReports.Refused)
        {
            var error = await Assert.ThrowsAsync<ReportFormatException>(() => harness.ImportAsync("refused", ReportVariants.Bytes(path), Path.GetFileName(path)));

            Assert.Contains(phrase, error.Message, StringComparison.Ordinal);
            Assert.StartsWith(Path.GetFileName(path), error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(new TableCounts(0, 0, 0, 0), await harness.CountAsync());
    }
}
