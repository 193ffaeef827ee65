using System.Text;
using Rampart.Core.Findings;
using Rampart.Core.Osv;
using Rampart.Ingest.Formats.Osv;
using Rampart.Testing;

namespace Rampart.Ingest.Tests.Osv;

/// <summary>The corpus OSV records, each with its quirk; expected values read from the files themselves.</summary>
public sealed class OsvRecordSourceTests
{
    private static async Task<OsvRecord> ReadCorpusAsync(string file) =>
        Assert.Single(await OsvRecordSource.ReadAsync(Corpus.File("osv/" + file), TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

    [Fact]
    public async Task ReadAsync_GhsaPypi_KeepsAliasCvssAndUnreadableListedVersion()
    {
        var record = await ReadCorpusAsync("GHSA-9v2f-6vcg-3hgv.json");

        Assert.Equal("GHSA-9v2f-6vcg-3hgv", record.Id);
        Assert.Equal(["CVE-2024-39236"], record.Aliases);
        Assert.Equal(["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"], record.CvssVectors);
        Assert.Equal(Severity.Critical, record.Severity); // database_specific.severity "CRITICAL"
        var affected = Assert.Single(record.Affected);
        Assert.Equal(("PyPI", "Gradio"), (affected.Ecosystem, affected.Name));
        // The quirk: "4.36.-1" is no PEP 440 version; it is kept (versions[] match as given), not refused.
        Assert.Equal(["4.36.1", "4.36.-1"], affected.Versions);
        Assert.Empty(affected.Ranges);
    }

    [Fact]
    public async Task ReadAsync_GoVulndb_ReadsSemverRangeWithTwoSpans()
    {
        var record = await ReadCorpusAsync("GO-2024-2963.json");

        Assert.Equal("1.3.1", record.SchemaVersion);
        var range = Assert.Single(Assert.Single(record.Affected).Ranges);
        Assert.Equal(OsvRangeType.Semver, range.Type);
        Assert.Equal(
            [new(OsvEventKind.Introduced, "0"), new(OsvEventKind.Fixed, "1.21.12"), new(OsvEventKind.Introduced, "1.22.0-0"), new OsvEvent(OsvEventKind.Fixed, "1.22.5")],
            range.Events);
        Assert.Empty(record.CvssVectors); // Go records carry no severity
    }

    [Fact]
    public async Task ReadAsync_Pysec_ReadsGitAndEcosystemRangesAndVersions()
    {
        var record = await ReadCorpusAsync("PYSEC-2023-74.json");

        var affected = Assert.Single(record.Affected);
        Assert.Equal([OsvRangeType.Git, OsvRangeType.Ecosystem], affected.Ranges.Select(r => r.Type));
        Assert.Equal(66, affected.Versions.Count); // jq '.affected[0].versions | length'
        Assert.Equal(new DateTimeOffset(2023, 6, 5, 1, 13, 0, 534, TimeSpan.Zero).AddTicks(9730), record.Modified); // "2023-06-05T01:13:00.534973Z"
        Assert.Null(record.SchemaVersion); // absent in this record
    }

    [Fact]
    public async Task ReadAsync_Malicious_IsCriticalWithExplicitVersion()
    {
        var record = await ReadCorpusAsync("MAL-2024-10238.json");

        Assert.Equal(Severity.Critical, record.Severity);
        Assert.Equal(["0.0.1"], Assert.Single(record.Affected).Versions);
    }

    [Fact]
    public async Task ReadAsync_SuseWithEmptyAffected_HasNoPackages()
    {
        var record = await ReadCorpusAsync("SUSE-FU-2022_0444-1.json");

        Assert.Equal("SUSE-FU-2022:0444-1", record.Id); // the file name has "_" where the id has ":"
        Assert.Empty(record.Affected);
        Assert.Equal("Feature update for venv-salt-minion", record.Summary);
    }

    [Fact]
    public async Task ReadAsync_CveWithGitOnlyEntry_KeepsEntryWithoutPackage()
    {
        var record = await ReadCorpusAsync("CVE-2018-5407.json");

        // Six Alpine releases with a package, then one entry with a GIT range and no package.
        Assert.Equal(7, record.Affected.Count);
        var git = record.Affected[^1];
        Assert.Equal(("", ""), (git.Ecosystem, git.Name));
        Assert.Equal(OsvRangeType.Git, Assert.Single(git.Ranges).Type);
        Assert.All(record.Affected.Take(6), a => Assert.StartsWith("Alpine:v3.", a.Ecosystem, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_Folder_ReadsEveryCorpusRecordInNameOrder()
    {
        var records = await OsvRecordSource.ReadAsync(Path.GetDirectoryName(Corpus.File("osv/GO-2024-2963.json"))!, TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["CVE-2018-5407", "GHSA-9v2f-6vcg-3hgv", "GO-2024-2963", "MAL-2024-10238", "PYSEC-2023-74", "SUSE-FU-2022:0444-1"], records.Select(r => r.Id));
    }

    [Fact]
    public async Task ReadAsync_ZipOfCorpusRecords_ReadsOneRecordPerEntry()
    {
        using var folder = new ScratchFolder();
        var zip = folder.Zip("all.zip", Corpus.Folder("osv").Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToArray());

        var records = await OsvRecordSource.ReadAsync(zip, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(6, records.Count);
    }

    [Fact]
    public async Task ReadAsync_BrokenJsonInZipEntry_NamesZipEntryAndLine()
    {
        using var folder = new ScratchFolder();
        var zip = folder.Zip("all.zip", ("GO-1.json", Record("GO-1")), ("GO-2.json", "{\n  \"id\": \"GO-2\",\n  \"modified\": }"));

        var error = await Assert.ThrowsAsync<ReportFormatException>(async () =>
            await OsvRecordSource.ReadAsync(zip, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal("all.zip!GO-2.json", error.FileName);
        Assert.Equal(3, error.Line); // the "}" where a value should be, on line 3
    }

    [Theory]
    [InlineData("""{"type":"SEMVERISH","events":[{"introduced":"0"}]}""", "$.affected[0].ranges[0].type: unknown range type 'SEMVERISH'")]
    [InlineData("""{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.2"}]}""", "$.affected[0].ranges[0].events[1].fixed: '1.2' is not a SemVer 2.0 version")]
    [InlineData("""{"type":"ECOSYSTEM","events":[{"introduced":"0","fixed":"1"}]}""", "$.affected[0].ranges[0].events[0]: an event has exactly one of")]
    [InlineData("""{"type":"ECOSYSTEM","events":[{"removed":"1"}]}""", "$.affected[0].ranges[0].events[0]: unknown event 'removed'")]
    public async Task ParseAsync_BadRange_NamesJsonPath(string range, string expected)
    {
        var json = Record("GO-3", $$"""[{"package":{"ecosystem":"Go","name":"x"},"ranges":[{{range}}]}]""");

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => Parse(json, "GO-3.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("GO-3.json: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"modified":"2024-01-01T00:00:00Z"}""", "$.id: the record has no id")]
    [InlineData("""{"id":"X-1"}""", "$.modified: X-1 has no modified date")]
    [InlineData("""{"id":"X-1","modified":"yesterday"}""", "$.modified: 'yesterday' is not an RFC 3339 date")]
    [InlineData("""{"id":"X-1","modified":"2024-01-01T00:00:00Z","schema_version":"2.0.0"}""", "schema_version 2.0.0 is not supported")]
    [InlineData("""["not a record"]""", "[0]: $: an OSV record is a JSON object")]
    public async Task ParseAsync_BadRecord_SaysWhy(string json, string expected)
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => Parse(json, "x.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseAsync_Withdrawn_IsRead()
    {
        var records = await Parse("""{"id":"X-1","modified":"2024-02-01T00:00:00Z","withdrawn":"2024-02-01T00:00:00Z"}""", "x.json");

        Assert.Equal(new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), Assert.Single(records).Withdrawn);
    }

    internal static string Record(string id, string affected = "[]") =>
        $$"""{"id":"{{id}}","modified":"2024-01-01T00:00:00Z","affected":{{affected}}}""";

    private static async Task<IReadOnlyList<OsvRecord>> Parse(string json, string name)
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return await OsvRecordSource.ParseAsync(stream, name, TestContext.Current.CancellationToken);
    }
}
