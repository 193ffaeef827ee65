using System.Text;
using Rampart.Ingest.Feeds;
using Rampart.Testing;

namespace Rampart.Ingest.Tests.Feeds;

public sealed class KevCatalogReaderTests
{
    private static async Task<KevCatalog> ReadAsync(byte[] content, string name)
    {
        await using var stream = new MemoryStream(content, writable: false);
        return await KevCatalogReader.ReadAsync(stream, name, TestContext.Current.CancellationToken);
    }

    private static async Task<KevCatalog> ReadCorpusAsync(string path) =>
        await ReadAsync(await File.ReadAllBytesAsync(Corpus.File(path), TestContext.Current.CancellationToken), path);

    // Counted with jq / python3 on the corpus: entries (= count), entries with knownRansomwareCampaignUse "Known",
    // entries with at least one CWE (1404 - 152 without), format.
    [Theory]
    [InlineData("kev/known_exploited_vulnerabilities.json", "2025.08.25", 1404, 293, 1252, "json")]
    [InlineData("kev/known_exploited_vulnerabilities.csv", "2025.08.25", 1404, 293, 1252, "csv")]
    [InlineData("kev/kev_2023.04.21_older_snapshot.json", "2023.04.21", 922, 0, 0, "json")]
    public async Task ReadAsync_CorpusCatalog_ReadsEveryEntry(string path, string version, int entries, int ransomware, int withCwes, string format)
    {
        var catalog = await ReadCorpusAsync(path);

        Assert.Equal((version, entries, format), (catalog.CatalogVersion, catalog.Entries.Count, catalog.Format));
        Assert.Equal(ransomware, catalog.Entries.Count(e => e.KnownRansomwareCampaignUse == "Known"));
        Assert.Equal(withCwes, catalog.Entries.Count(e => e.Cwes is not null));
    }

    [Fact]
    public async Task ReadAsync_OldCrlfSnapshot_HasNoRansomwareFieldAndEmptyNotesAreNull()
    {
        // The 2023.04.21 snapshot lacks knownRansomwareCampaignUse and cwes; python3 counts 768 entries with notes "".
        var catalog = await ReadCorpusAsync("kev/kev_2023.04.21_older_snapshot.json");

        Assert.All(catalog.Entries, e => Assert.Null(e.KnownRansomwareCampaignUse));
        Assert.Equal(768, catalog.Entries.Count(e => e.Notes is null));
        Assert.Equal("CVE-2023-2136", catalog.Entries[^1].CveId);
        Assert.Equal(new DateTimeOffset(2023, 4, 21, 9, 54, 52, 319, TimeSpan.Zero), catalog.DateReleased);
    }

    [Fact]
    public async Task ReadAsync_CsvAndJsonOfOneCatalog_GiveTheSameEntries()
    {
        // python3 compared every field of the two corpus files: no differences (cwes "CWE-59, CWE-436" = ["CWE-59","CWE-436"]).
        var json = await ReadCorpusAsync("kev/known_exploited_vulnerabilities.json");
        var csv = await ReadCorpusAsync("kev/known_exploited_vulnerabilities.csv");

        static string Key(Core.Feeds.KevEntry e) => string.Join("|", e.CveId, e.VendorProject, e.Product, e.VulnerabilityName, e.DateAdded, e.ShortDescription,
            e.RequiredAction, e.DueDate, e.KnownRansomwareCampaignUse, e.Notes, e.Cwes);
        Assert.Equal(json.Entries.Select(Key).Order(StringComparer.Ordinal), csv.Entries.Select(Key).Order(StringComparer.Ordinal));
        Assert.Equal("CWE-59 CWE-436", json.Entries.Single(e => e.CveId == "CVE-2025-48384").Cwes);
    }

    [Theory]
    [InlineData("dueDate")]
    [InlineData("requiredAction")]
    [InlineData("cveID")]
    public async Task ReadAsync_EntryMissingRequiredField_NamesFileLineAndField(string field)
    {
        var text = Catalog(Entry(), Entry("CVE-2024-0002").Replace($"\"{field}\": ", $"\"x{field}\": ", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReadAsync(Encoding.UTF8.GetBytes(text), "kev.json"));

        Assert.Equal(("kev.json", (long?)9), (error.FileName, error.Line)); // the second entry starts on line 9
        Assert.Contains($"has no {field} (required by the KEV schema)", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"dateAdded\": \"2024-01-01\"", "\"dateAdded\": \"2024-13-01\"", "dateAdded \"2024-13-01\" of CVE-2024-0002 is not a date")]
    [InlineData("\"cveID\": \"CVE-2024-0002\"", "\"cveID\": \"CVE-24-2\"", "cveID \"CVE-24-2\" does not match")]
    [InlineData("\"cwes\": [\"CWE-79\"]", "\"cwes\": [\"XSS\"]", "\"XSS\" is not a CWE id")]
    [InlineData("\"product\": \"P\"", "\"product\": 7", "product must be a string")]
    public async Task ReadAsync_BadField_NamesTheEntryLine(string good, string bad, string reason)
    {
        var text = Catalog(Entry(), Entry("CVE-2024-0002").Replace(good, bad, StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReadAsync(Encoding.UTF8.GetBytes(text), "kev.json"));

        Assert.Equal(9, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CountDiffersFromEntries_IsRefused()
    {
        var text = Catalog(Entry()).Replace("\"count\": 1", "\"count\": 2", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReadAsync(Encoding.UTF8.GetBytes(text), "kev.json"));

        Assert.Equal("count says 2 vulnerabilities but the catalog lists 1", error.Reason);
    }

    [Fact]
    public async Task ReadAsync_DuplicateCve_IsRefused()
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReadAsync(Encoding.UTF8.GetBytes(Catalog(Entry(), Entry())), "kev.json"));

        Assert.Equal("kev.json:9: CVE-2024-0001 is listed twice", error.Message);
    }

    [Fact]
    public async Task ReadAsync_TruncatedCorpusCatalog_NamesTheLine()
    {
        var bytes = await File.ReadAllBytesAsync(Corpus.File("kev/known_exploited_vulnerabilities.json"), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReadAsync(bytes[..(bytes.Length / 2)], "half.json"));

        Assert.Equal("half.json", error.FileName);
        Assert.True(error.Line > 1000, $"the cut is in the middle of the file, got line {error.Line}");
    }

    [Fact]
    public async Task ReadAsync_MissingCatalogVersion_IsRefused()
    {
        var text = Catalog(Entry()).Replace("\"catalogVersion\": \"2024.01.02\",", "", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReadAsync(Encoding.UTF8.GetBytes(text), "kev.json"));

        Assert.Equal("the catalog has no catalogVersion (required by the KEV schema)", error.Reason);
    }

    /// <summary>A catalog whose entries start on lines 3, 9, 15… (two lines of preamble, six lines per entry).</summary>
    internal static string Catalog(params string[] entries) =>
        "{\"catalogVersion\": \"2024.01.02\", \"dateReleased\": \"2024-01-02T10:00:00.000Z\", \"count\": " + entries.Length + ",\n\"vulnerabilities\": [\n"
        + string.Join(",\n", entries) + "\n]}\n";

    internal static string Entry(string id = "CVE-2024-0001") =>
        "{\"cveID\": \"" + id + "\", \"vendorProject\": \"V\", \"product\": \"P\",\n"
        + "\"vulnerabilityName\": \"N\", \"dateAdded\": \"2024-01-01\",\n"
        + "\"shortDescription\": \"S\", \"requiredAction\": \"Apply updates.\",\n"
        + "\"dueDate\": \"2024-01-22\", \"knownRansomwareCampaignUse\": \"Unknown\",\n"
        + "\"notes\": \"\", \"cwes\": [\"CWE-79\"]\n"
        + "}";
}
