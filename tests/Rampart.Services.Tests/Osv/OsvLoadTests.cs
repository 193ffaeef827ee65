using Microsoft.EntityFrameworkCore;
using Rampart.Data;
using Rampart.Ingest;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Osv;

public sealed class OsvLoadTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LoadAsync_CorpusFolder_StoresRecordsAndMatchablePackages(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        var result = await harness.LoadPathAsync(Path.GetDirectoryName(Corpus.File("osv/PYSEC-2023-74.json"))!);

        // Counted from the six files: packages GHSA 1, GO 1, MAL 1, PYSEC 1, CVE-2018-5407 six Alpine releases, SUSE none;
        // GIT ranges: PYSEC 1, CVE 1; the CVE's GIT entry has no package.
        Assert.Equal((6, 6, 0, 0), (result.Records, result.Added, result.Replaced, result.Unchanged));
        Assert.Equal((10, 2, 1), (result.AffectedPackages, result.GitRanges, result.WithoutPackage));
        var keys = await harness.WithDbAsync(db => db.OsvAffectedPackages.Select(a => a.EcosystemKey + "/" + a.NameKey).Distinct().OrderBy(k => k).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["Alpine/openssl", "Go/stdlib", "PyPI/123bla", "PyPI/gradio", "PyPI/requests"], keys);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LoadAsync_SameOrOlderModified_LeavesStoredRecord(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await harness.LoadJsonAsync(OsvTestData.Log4Shell("2024-01-01T00:00:00Z"));

        var same = await harness.LoadJsonAsync(OsvTestData.Log4Shell("2024-01-01T00:00:00Z"));
        var older = await harness.LoadJsonAsync(OsvTestData.Log4Shell("2023-06-01T00:00:00Z"));

        Assert.Equal((0, 0, 1), (same.Added, same.Replaced, same.Unchanged));
        Assert.Equal((0, 0, 1), (older.Added, older.Replaced, older.Unchanged));
        var modified = await harness.WithDbAsync(db => db.OsvEntries.Select(e => e.Modified).SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), modified);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LoadAsync_NewerModified_ReplacesRecordAndPackages(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await harness.LoadJsonAsync(OsvTestData.Log4Shell("2024-01-01T00:00:00Z"));

        var newer = await harness.LoadJsonAsync(OsvTestData.Log4Shell("2024-03-01T00:00:00Z", withdrawn: "2024-03-01T00:00:00Z"));

        Assert.Equal((0, 1, 1), (newer.Added, newer.Replaced, newer.Withdrawn));
        var (entries, packages, withdrawn) = await harness.WithDbAsync(async db => (
            await db.OsvEntries.CountAsync(TestContext.Current.CancellationToken),
            await db.OsvAffectedPackages.CountAsync(TestContext.Current.CancellationToken),
            await db.OsvEntries.Select(e => e.Withdrawn).SingleAsync(TestContext.Current.CancellationToken)));
        Assert.Equal((1, 1), (entries, packages)); // the old package row went with the old record
        Assert.NotNull(withdrawn);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LoadAsync_ZipWithBrokenEntry_ChangesNothing(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await harness.LoadJsonAsync(OsvTestData.Log4Shell("2024-01-01T00:00:00Z"));
        using var folder = new ScratchFolder();
        // A newer log4j record first (it would replace the stored one), then a good record, then broken JSON.
        var zip = folder.Zip(
            "all.zip",
            ("GHSA-jfh8-c2jp-5v3q.json", OsvTestData.Log4Shell("2025-01-01T00:00:00Z")),
            ("PYSEC-2023-74.json", File.ReadAllText(Corpus.File("osv/PYSEC-2023-74.json"))),
            ("TEST-broken.json", """{"id":"TEST-broken","modified":"2024-01-01T00:00:00Z","affected":[{"package":"""));

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => harness.LoadPathAsync(zip));

        Assert.Equal("all.zip!TEST-broken.json", error.FileName);
        var ids = await harness.WithDbAsync(db => db.OsvEntries.Select(e => e.Id + "@" + e.Modified.Year).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["GHSA-jfh8-c2jp-5v3q@2024"], ids);
        Assert.Equal(1, await harness.WithDbAsync(db => db.OsvAffectedPackages.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LoadAsync_UnknownRangeTypeInFolder_ChangesNothing(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        using var folder = new ScratchFolder();
        File.WriteAllText(Path.Combine(folder.Path, "a.json"), OsvTestData.Log4Shell());
        File.WriteAllText(Path.Combine(folder.Path, "b.json"),
            """{"id":"TEST-2","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"x"},"ranges":[{"type":"NPM","events":[{"introduced":"0"}]}]}]}""");

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => harness.LoadPathAsync(folder.Path));

        Assert.Equal("b.json", error.FileName);
        Assert.Contains("unknown range type 'NPM'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await harness.WithDbAsync(db => db.OsvEntries.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LoadAsync_BadSemverVersionAfterGoodRecord_ChangesNothing(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        using var folder = new ScratchFolder();
        var file = Path.Combine(folder.Path, "records.json");
        // An array: a good record, then one whose SEMVER range says "1.2" (not SemVer 2.0, semver.org §2).
        File.WriteAllText(file, "[" + OsvTestData.Lodash + "," +
            """{"id":"TEST-3","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"x"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.2"}]}]}]}""" + "]");

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => harness.LoadPathAsync(file));

        Assert.Equal("records.json [1]", error.FileName);
        Assert.Contains("'1.2' is not a SemVer 2.0 version", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await harness.WithDbAsync(db => db.OsvEntries.CountAsync(TestContext.Current.CancellationToken)));
    }
}
