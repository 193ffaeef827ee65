using System.Text;
using Rampart.Data;
using Rampart.Ingest;
using Rampart.Services.Feeds;
using Rampart.Testing;

namespace Rampart.Services.Tests.Feeds;

public sealed class KevFeedTests
{
    private const string Current = "kev/known_exploited_vulnerabilities.json";
    private const string Old = "kev/kev_2023.04.21_older_snapshot.json";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateKevAsync_NewerCatalog_ReplacesTheOldOne(DatabaseProvider provider)
    {
        await using var feeds = await FeedHarness.CreateAsync(provider);
        var first = await feeds.KevAsync(Corpus.File(Old));

        var second = await feeds.KevAsync(Corpus.File(Current));

        // python3 on the two catalogs: 920 CVEs in both (all 920 differ: the new one adds ransomware use and CWEs),
        // 484 only in 2025.08.25, 2 only in 2023.04.21 (CVE-2022-28958, CVE-2022-31460).
        Assert.Equal((FeedOutcome.Loaded, "2023.04.21", 922, 922), (first.Outcome, first.Version, first.Records, first.Added));
        Assert.Equal((FeedOutcome.Loaded, "2025.08.25", 1404), (second.Outcome, second.Version, second.Records));
        Assert.Equal((484, 920, 2), (second.Added, second.Changed, second.Removed));
        Assert.Equal((0, 0, 1404, 1), await feeds.CountAsync());
        Assert.Null(await feeds.QueryAsync(q => q.KevEntryAsync("CVE-2022-28958", TestContext.Current.CancellationToken)));
        Assert.Equal(["feed:kev 2023.04.21", "feed:kev 2025.08.25"], feeds.Reprioritizer.Requests.Select(r => r.Cause));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateKevAsync_Entry_KeepsEveryField(DatabaseProvider provider)
    {
        await using var feeds = await FeedHarness.CreateAsync(provider);
        await feeds.KevAsync(Corpus.File(Current));

        var entry = await feeds.QueryAsync(q => q.KevEntryAsync("cve-2025-48384", TestContext.Current.CancellationToken));

        // The first entry of the corpus catalog, as jq prints it.
        Assert.NotNull(entry);
        Assert.Equal(("Git", "Git", "Git Link Following Vulnerability"), (entry.VendorProject, entry.Product, entry.VulnerabilityName));
        Assert.Equal((new DateOnly(2025, 8, 25), (DateOnly?)new DateOnly(2025, 9, 15)), (entry.DateAdded, entry.DueDate));
        Assert.Equal(("Unknown", "2025.08.25"), (entry.KnownRansomwareCampaignUse, entry.CatalogVersion));
        Assert.Equal(["CWE-59", "CWE-436"], entry.Cwes);
        Assert.StartsWith("This vulnerability affects a common open-source component", entry.Notes, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateKevAsync_SameCatalogAgain_IsANoOp(DatabaseProvider provider)
    {
        await using var feeds = await FeedHarness.CreateAsync(provider);
        await feeds.KevAsync(Corpus.File(Current));

        var again = await feeds.KevAsync(Corpus.File(Current));

        Assert.Equal(FeedOutcome.Unchanged, again.Outcome);
        Assert.Equal("KEV catalog 2025.08.25 is already loaded (the same file); nothing changed", again.Message);
        Assert.Single(feeds.Reprioritizer.Requests);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateKevAsync_CsvOfTheLoadedCatalog_ChangesNoEntry(DatabaseProvider provider)
    {
        await using var feeds = await FeedHarness.CreateAsync(provider);
        await feeds.KevAsync(Corpus.File(Current));

        // Same version, other bytes: a reload that finds every entry equal (the CSV is the JSON's twin).
        var csv = await feeds.KevAsync(Corpus.File("kev/known_exploited_vulnerabilities.csv"));

        Assert.Equal((FeedOutcome.Loaded, 0, 0, 0), (csv.Outcome, csv.Added, csv.Changed, csv.Removed));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateKevAsync_OlderCatalogAfterNewer_KeepsTheNewer(DatabaseProvider provider)
    {
        await using var feeds = await FeedHarness.CreateAsync(provider);
        await feeds.KevAsync(Corpus.File(Current));

        var old = await feeds.KevAsync(Corpus.File(Old));

        Assert.Equal(FeedOutcome.Unchanged, old.Outcome);
        Assert.Equal("KEV catalog 2023.04.21 is older than the loaded 2025.08.25; nothing changed", old.Message);
        Assert.Equal((0, 0, 1404, 1), await feeds.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateKevAsync_EntryMissingRequiredField_ChangesNothing(DatabaseProvider provider)
    {
        await using var feeds = await FeedHarness.CreateAsync(provider);
        await feeds.KevAsync(Corpus.File(Old));
        var text = await File.ReadAllTextAsync(Corpus.File(Current), TestContext.Current.CancellationToken);
        var cut = text.IndexOf("\"requiredAction\"", text.IndexOf("CVE-2024-8068", StringComparison.Ordinal), StringComparison.Ordinal);
        var bad = feeds.Write("kev.json", Encoding.UTF8.GetBytes(text[..cut] + "\"required_action\"" + text[(cut + "\"requiredAction\"".Length)..]));

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => feeds.KevAsync(bad));

        // CVE-2024-8068 is the second entry; its object opens on line 23 of the corpus file (sed -n 23p shows the "{").
        Assert.Equal((bad, (long?)23), (error.FileName, error.Line));
        Assert.Contains("(CVE-2024-8068) has no requiredAction", error.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 922, 1), await feeds.CountAsync());
        Assert.Equal("2023.04.21", (await feeds.QueryAsync(q => q.KevEntryAsync("CVE-2021-27104", TestContext.Current.CancellationToken)))!.CatalogVersion);
    }
}
