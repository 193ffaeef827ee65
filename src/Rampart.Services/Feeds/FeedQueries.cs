using Microsoft.EntityFrameworkCore;
using Rampart.Core.Feeds;
using Rampart.Data;

namespace Rampart.Services.Feeds;

/// <summary>Reads what the feeds loaded: their status, a CVE's EPSS history and its KEV entry.</summary>
public sealed class FeedQueries(RampartDbContext db)
{
    /// <summary>Every known feed (epss, kev), whether or not it was ever read.</summary>
    public async Task<IReadOnlyList<FeedStatus>> ListStatusAsync(CancellationToken cancellationToken)
    {
        var states = await db.FeedStates.AsNoTracking().ToDictionaryAsync(s => s.Feed, StringComparer.Ordinal, cancellationToken);
        return
        [
            .. FeedNames.All.Select(feed => states.TryGetValue(feed, out var s)
                ? new FeedStatus(feed, s.Location, s.Version, s.Records, s.CheckedAt, s.ChangedAt, s.ETag, s.LastModified, s.Sha256)
                : new FeedStatus(feed, null, null, 0, null, null, null, null, null)),
        ];
    }

    /// <summary>The CVE's score on every loaded day, oldest first (empty when it was never scored).</summary>
    public async Task<IReadOnlyList<EpssPoint>> EpssHistoryAsync(string cve, CancellationToken cancellationToken)
    {
        var id = Normalize(cve);
        return await db.EpssScores.AsNoTracking()
            .Where(s => s.Cve == id)
            .OrderBy(s => s.ScoreDate)
            .Select(s => new EpssPoint(s.ScoreDate, s.Epss, s.Percentile))
            .ToListAsync(cancellationToken);
    }

    public async Task<KevView?> KevEntryAsync(string cve, CancellationToken cancellationToken)
    {
        var id = Normalize(cve);
        var entry = await db.KevEntries.AsNoTracking().SingleOrDefaultAsync(k => k.CveId == id, cancellationToken);
        return entry is null ? null : new KevView(
            entry.CveId, entry.VendorProject, entry.Product, entry.VulnerabilityName, entry.DateAdded, entry.ShortDescription,
            entry.RequiredAction, entry.DueDate, entry.KnownRansomwareCampaignUse, entry.Notes,
            entry.Cwes?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [], entry.CatalogVersion);
    }

    /// <summary>KEV entry, latest EPSS and EPSS history of a CVE id, or of the CVE a known alias (GHSA, OSV) maps to.</summary>
    public async Task<VulnerabilityIntel> VulnerabilityAsync(string id, CancellationToken cancellationToken)
    {
        var asked = Normalize(id);
        var cve = asked.StartsWith("CVE-", StringComparison.Ordinal)
            ? asked
            : await db.VulnerabilityAliases.AsNoTracking()
                .Where(a => a.Alias == asked || a.Alias == id.Trim())
                .Select(a => a.CanonicalId)
                .FirstOrDefaultAsync(cancellationToken) ?? asked;
        var history = await EpssHistoryAsync(cve, cancellationToken);
        return new VulnerabilityIntel(asked, cve, await KevEntryAsync(cve, cancellationToken), history.Count > 0 ? history[^1] : null, history);
    }

    /// <summary>CVE ids are stored upper-case; other ids keep their case except the GHSA prefix.</summary>
    private static string Normalize(string id)
    {
        var text = id.Trim();
        return text.StartsWith("CVE-", StringComparison.OrdinalIgnoreCase) ? text.ToUpperInvariant()
            : text.StartsWith("GHSA-", StringComparison.OrdinalIgnoreCase) ? "GHSA-" + text[5..].ToLowerInvariant()
            : text;
    }
}
