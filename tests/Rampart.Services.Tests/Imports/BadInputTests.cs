using Rampart.Core.Findings;
using Rampart.Data;
using Rampart.Ingest;
using Rampart.Services.Imports;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Imports;

/// <summary>A bad file is refused with a message naming it, and the database is exactly as it was.</summary>
public sealed class BadInputTests
{
    private static readonly TableCounts Empty = new(0, 0, 0, 0);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_TruncatedFile_ThrowsAndWritesNothing(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        var error = await Assert.ThrowsAsync<ReportFormatException>(() =>
            harness.ImportAsync("alpine", ReportVariants.Truncated(ReportVariants.TrivyAlpine), "cut.json"));

        Assert.Contains("cut.json", error.Message, StringComparison.Ordinal);
        Assert.Equal(Empty, await harness.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_TrivyForcedAsSarif_ThrowsAndWritesNothing(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        var error = await Assert.ThrowsAsync<ReportFormatException>(() =>
            harness.ImportAsync("alpine", ReportVariants.Bytes(ReportVariants.TrivyAlpine), "trivy.json", ReportFormat.Sarif));

        Assert.Contains("trivy.json", error.Message, StringComparison.Ordinal);
        Assert.Equal(Empty, await harness.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_ZeroByteFile_ThrowsImportExceptionNamingTheFile(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        var error = await Assert.ThrowsAsync<ImportException>(() => harness.ImportAsync("alpine", [], "upload.json"));

        Assert.Equal("upload.json: the file is empty; to record an empty scan, name the format (--format)", error.Message);
        Assert.Equal(Empty, await harness.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_TruncatedFileForExistingAsset_LeavesPreviousImportUntouched(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await harness.ImportAsync("alpine", ReportVariants.Bytes(ReportVariants.TrivyAlpine), "alpine.json");
        var before = await harness.CountAsync();
        var findingsBefore = await harness.FindingsAsync("alpine");

        await Assert.ThrowsAsync<ReportFormatException>(() =>
            harness.ImportAsync("alpine", ReportVariants.Truncated(ReportVariants.TrivyAlpine, 0.7), "alpine.json"));

        Assert.Equal(before, await harness.CountAsync());
        var findingsAfter = await harness.FindingsAsync("alpine");
        Assert.Equal(
            findingsBefore.Select(f => (f.Id, f.Status, f.LastSeen)),
            findingsAfter.Select(f => (f.Id, f.Status, f.LastSeen)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_LargeFileCutAfterFirstBatchWasWritten_RollsBackEverything(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        // Semgrep's 1,768 results cut at 90%: the first batch of 1,000 findings is written inside the transaction
        // before the reader reaches the cut, so this proves the rollback, not just an early refusal.
        var cut = ReportVariants.Truncated("sarif/semgrep-0.17.0_owasp-benchmark_large.sarif", 0.9);

        await Assert.ThrowsAsync<ReportFormatException>(() => harness.ImportAsync("benchmark", cut, "semgrep.sarif", ReportFormat.Sarif));

        Assert.Equal(Empty, await harness.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_NotAReport_ThrowsAndWritesNothing(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        await Assert.ThrowsAsync<ReportFormatException>(() =>
            harness.ImportAsync("alpine", "this is not a scanner report\n"u8.ToArray(), "notes.txt"));

        Assert.Equal(Empty, await harness.CountAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "")]
    [InlineData(DatabaseProvider.Sqlite, "   ")]
    [InlineData(DatabaseProvider.Sqlite, "bad\u0001name")]
    [InlineData(DatabaseProvider.Postgres, "")]
    [InlineData(DatabaseProvider.Postgres, "bad\nname")]
    public async Task ImportAsync_InvalidAssetName_ThrowsImportException(DatabaseProvider provider, string assetName)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        await Assert.ThrowsAsync<ImportException>(() => harness.ImportAsync(assetName, ReportVariants.Bytes(ReportVariants.TrivyAlpine), "alpine.json"));

        Assert.Equal(Empty, await harness.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_AssetNameOver200Characters_ThrowsImportException(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        var error = await Assert.ThrowsAsync<ImportException>(() =>
            harness.ImportAsync(new string('a', 201), ReportVariants.Bytes(ReportVariants.TrivyAlpine), "alpine.json"));

        Assert.Contains("200", error.Message, StringComparison.Ordinal);
        Assert.Equal(Empty, await harness.CountAsync());
    }
}
