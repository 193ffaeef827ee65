using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Core.Osv;
using Rampart.Core.Versions;
using Rampart.Data;
using Rampart.Ingest.Formats.OsvScanner;
using Rampart.Services.Imports;

namespace Rampart.Services.Osv;

/// <summary>
/// Matches the stored OSV records against the assets' component inventories and imports what it finds as one scan
/// per asset by tool <see cref="Tool"/> of scope <see cref="Scope"/>, through <see cref="ImportService"/>: findings no
/// longer matched (SBOM changed, record withdrawn or fixed range) close as Fixed, returning ones reopen, and a CVE a
/// scanner also reported on the same package version is the same finding (<see cref="FindingFingerprint"/>).
/// </summary>
/// <remarks>
/// Batched, never row by row: the inventories are read in one pass and grouped by ecosystem; the candidate records
/// are read per ecosystem for up to <see cref="NamesPerQuery"/> package names at a time through the
/// (ecosystem, name) index. Withdrawn records are never candidates (OSV schema §withdrawn).
/// </remarks>
public sealed partial class InventoryMatcher(RampartDbContext db, ImportService importer, ILogger<InventoryMatcher> logger)
{
    public const string Tool = "OSV";
    public const string Scope = "inventory";
    public const string ScanName = "osv-match";
    public const int NamesPerQuery = 500;

    /// <param name="assetName">One asset, else every asset with an inventory or with earlier OSV findings.</param>
    /// <exception cref="ImportException">The named asset does not exist.</exception>
    public async Task<IReadOnlyList<OsvMatchResult>> MatchAsync(string? assetName = null, string? importedBy = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var assets = await AssetsAsync(assetName, cancellationToken);
        var inventory = await InventoryAsync(assets, cancellationToken);
        var read = Stopwatch.GetElapsedTime(started);
        var querying = TimeSpan.Zero;
        var findings = assets.ToDictionary(a => a.Id, _ => new Dictionary<(string, string, string), ReportedFinding>());
        foreach (var (ecosystem, components) in inventory.ByEcosystem)
        {
            // Records and inventories repeat the same version strings: each is parsed once per ecosystem.
            var scheme = VersionSchemes.For(ecosystem) is { } known ? new MemoizedScheme(known) : null;
            var semver = new MemoizedScheme(SemVerScheme.WithV);
            var byName = components.GroupBy(c => c.NameKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var names in byName.Keys.Chunk(NamesPerQuery))
            {
                var queryStarted = Stopwatch.GetTimestamp();
                var candidates = await CandidatesAsync(ecosystem, names, inventory.Entries, cancellationToken);
                querying += Stopwatch.GetElapsedTime(queryStarted);
                foreach (var (name, packages) in candidates)
                {
                    foreach (var component in byName[name])
                    {
                        Evaluate(component, packages, scheme, semver, inventory.Stats[component.AssetId], findings[component.AssetId]);
                    }
                }
            }
        }

        var evaluated = Stopwatch.GetElapsedTime(started);
        var results = new List<OsvMatchResult>(assets.Count);
        foreach (var (id, name) in assets)
        {
            var scan = new InProcessScan(name, Tool, Scope, ReportFormat.OsvRecords, findings[id].Values, ScanName, ImportedBy: importedBy);
            var imported = await importer.ImportFindingsAsync(scan, cancellationToken);
            var stats = inventory.Stats[id];
            results.Add(new OsvMatchResult(name, stats.Components, stats.Unmatchable, stats.Unparseable, stats.GitRanges, stats.Unevaluated, imported));
        }

        LogPhases(logger, assets.Count, inventory.Entries.Count, read.TotalMilliseconds, querying.TotalMilliseconds, evaluated.TotalMilliseconds, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return results;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "OSV match of {Assets} assets ({Records} candidate records): inventories read at {ReadMs:F0} ms, candidates read in {QueryMs:F0} ms, matched at {MatchedMs:F0} ms, imported at {TotalMs:F0} ms")]
    private static partial void LogPhases(ILogger logger, int assets, int records, double readMs, double queryMs, double matchedMs, double totalMs);

    private async Task<List<(long Id, string Name)>> AssetsAsync(string? assetName, CancellationToken cancellationToken)
    {
        if (assetName is not null)
        {
            var name = ImportText.AssetName(assetName);
            var asset = await db.Assets.AsNoTracking().Where(a => a.Name == name).Select(a => new { a.Id, a.Name }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new ImportException($"There is no asset named '{name}'.");
            return [(asset.Id, asset.Name)];
        }

        // Assets with an inventory, and those OSV matched before (their findings close when the inventory is gone).
        var assets = await db.Assets.AsNoTracking()
            .Where(a => db.Components.Any(c => c.AssetId == a.Id) || db.Sources.Any(s => s.AssetId == a.Id && s.Tool == Tool && s.Scope == Scope))
            .OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name })
            .ToListAsync(cancellationToken);
        return [.. assets.Select(a => (a.Id, a.Name))];
    }

    private async Task<Inventory> InventoryAsync(List<(long Id, string Name)> assets, CancellationToken cancellationToken)
    {
        var inventory = new Inventory();
        foreach (var (id, _) in assets)
        {
            inventory.Stats[id] = new AssetStats();
        }

        var query = db.Components.AsNoTracking();
        if (assets.Count == 1)
        {
            var only = assets[0].Id;
            query = query.Where(c => c.AssetId == only);
        }

        // One asset's component listed by two SBOMs (CycloneDX and SPDX of one build) is matched once.
        var seen = new HashSet<(long, string, string, string)>();
        var rows = query.OrderBy(c => c.Id).Select(c => new { c.AssetId, c.Name, c.Version, c.Purl }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (!inventory.Stats.TryGetValue(row.AssetId, out var stats))
            {
                continue;
            }

            var package = PackageEcosystems.FromPurl(row.Purl);
            var version = (row.Version ?? package?.Version)?.Trim();
            if (package is null || string.IsNullOrEmpty(version))
            {
                stats.Unmatchable++;
                continue;
            }

            var nameKey = Ecosystems.NormalizeName(package.Ecosystem, package.Name);
            if (!seen.Add((row.AssetId, package.Ecosystem, nameKey, version)))
            {
                continue;
            }

            stats.Components++;
            if (VersionSchemes.For(package.Ecosystem) is { } scheme && scheme.Parse(version) is null)
            {
                stats.Unparseable++;
            }

            if (!inventory.ByEcosystem.TryGetValue(package.Ecosystem, out var components))
            {
                inventory.ByEcosystem[package.Ecosystem] = components = [];
            }

            components.Add(new InventoryComponent(row.AssetId, row.Purl!, row.Name, version, package, nameKey));
        }

        return inventory;
    }

    /// <summary>The stored packages of <paramref name="ecosystem"/> named by <paramref name="names"/>, not withdrawn, by name key.</summary>
    private async Task<Dictionary<string, List<CandidatePackage>>> CandidatesAsync(
        string ecosystem, string[] names, Dictionary<string, CandidateEntry> entries, CancellationToken cancellationToken)
    {
        var rows = await (
            from a in db.OsvAffectedPackages.AsNoTracking()
            join e in db.OsvEntries.AsNoTracking() on a.EntryId equals e.Id
            where a.EcosystemKey == ecosystem && names.Contains(a.NameKey) && e.Withdrawn == null
            select new { a.NameKey, a.Ecosystem, a.Name, a.Ranges, a.Versions, a.GitRanges, e.Id, e.Summary, e.Aliases, e.CvssVectors, e.Severity })
            .ToListAsync(cancellationToken);

        var candidates = new Dictionary<string, List<CandidatePackage>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!entries.TryGetValue(row.Id, out var entry))
            {
                entries[row.Id] = entry = new CandidateEntry(row.Id, row.Summary, ValueList.Split(row.Aliases), ValueList.Split(row.CvssVectors), row.Severity);
            }

            if (!candidates.TryGetValue(row.NameKey, out var list))
            {
                candidates[row.NameKey] = list = [];
            }

            var affected = new OsvAffected(row.Ecosystem, row.Name, OsvRangeText.ParseRanges(row.Ranges), OsvRangeText.ParseVersions(row.Versions));
            list.Add(new CandidatePackage(affected, row.GitRanges, entry));
        }

        return candidates;
    }

    private static void Evaluate(
        InventoryComponent component, List<CandidatePackage> packages, IVersionScheme? scheme, IVersionScheme semver, AssetStats stats,
        Dictionary<(string, string, string), ReportedFinding> findings)
    {
        foreach (var package in packages)
        {
            if (!ReleaseMatches(package.Affected.Ecosystem, component.Package.Distro))
            {
                continue;
            }

            stats.GitRanges += package.GitRanges;
            var verdict = AffectedEvaluator.Evaluate(package.Affected, component.Version, scheme, semver);
            stats.Unevaluated += verdict.UnevaluatedRanges;
            if (verdict.Affected)
            {
                OsvFindings.Add(findings, component, package, verdict.FixedVersion);
            }
        }
    }

    /// <summary>
    /// "Debian:12", "Alpine:v3.18": a distribution's record holds for its release only, so it needs the purl's distro
    /// qualifier ("debian-12.5", "alpine-3.18.4") to name that release. Language ecosystems have no release.
    /// </summary>
    private static bool ReleaseMatches(string ecosystem, string? distro)
    {
        var colon = ecosystem.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        if (distro is null)
        {
            return false;
        }

        var release = ecosystem[(colon + 1)..].Split(':')[0].TrimStart('v');
        var dash = distro.LastIndexOf('-');
        var given = (dash >= 0 ? distro[(dash + 1)..] : distro).TrimStart('v');
        return given == release || given.StartsWith(release + ".", StringComparison.Ordinal);
    }

    private sealed class Inventory
    {
        public Dictionary<long, AssetStats> Stats { get; } = [];

        public Dictionary<string, List<InventoryComponent>> ByEcosystem { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, CandidateEntry> Entries { get; } = new(StringComparer.Ordinal);
    }

    private sealed class AssetStats
    {
        public int Components { get; set; }

        public int Unmatchable { get; set; }

        public int Unparseable { get; set; }

        public int GitRanges { get; set; }

        public int Unevaluated { get; set; }
    }
}
