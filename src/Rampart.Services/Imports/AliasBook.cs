using Microsoft.EntityFrameworkCore;
using Rampart.Core.Ingest;
using Rampart.Core.Inventory;
using Rampart.Data;

namespace Rampart.Services.Imports;

/// <summary>
/// Merges vulnerability aliases (CVE ↔ GHSA ↔ OSV ids) across tools and imports. Every result that names several
/// ids teaches the book that they are one vulnerability; the canonical id is a CVE when any is known. Before a
/// result is fingerprinted, its ids are completed from the book, so a tool that only says "GHSA-…" meets another
/// that said "CVE-…" for the same package version. What an import learns is stored with it.
/// </summary>
internal sealed class AliasBook
{
    private readonly Dictionary<string, string> _canonical = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _learned = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<AliasBook> LoadAsync(RampartDbContext db, CancellationToken cancellationToken)
    {
        var book = new AliasBook();
        await foreach (var alias in db.VulnerabilityAliases.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            book._canonical[alias.Alias] = alias.CanonicalId;
        }

        return book;
    }

    /// <summary>The result with its canonical id first (and learned aliases recorded); unchanged when nothing applies.</summary>
    public ReportedFinding Resolve(ReportedFinding reported)
    {
        var ids = reported.VulnerabilityIds;
        if (ids.Count == 0)
        {
            return reported;
        }

        string? canonical = null;
        foreach (var id in ids)
        {
            var candidate = _canonical.GetValueOrDefault(id) ?? id;
            if (canonical is null || Better(candidate, canonical))
            {
                canonical = candidate;
            }
        }

        canonical = canonical!.ToUpperInvariant();
        if (ids.Count > 1 || !string.Equals(ids[0], canonical, StringComparison.OrdinalIgnoreCase))
        {
            foreach (var id in ids)
            {
                Learn(id, canonical);
            }
        }

        if (string.Equals(ids[0], canonical, StringComparison.OrdinalIgnoreCase))
        {
            return reported;
        }

        var ordered = new List<string>(ids.Count + 1) { canonical };
        ordered.AddRange(ids.Where(id => !string.Equals(id, canonical, StringComparison.OrdinalIgnoreCase)));
        return reported with { VulnerabilityIds = ordered };
    }

    /// <summary>Stores the aliases learned during this import (new ones, and changed canonical ids).</summary>
    public async Task SaveAsync(RampartDbContext db, CancellationToken cancellationToken)
    {
        if (_learned.Count == 0)
        {
            return;
        }

        var keys = _learned.Keys.ToList();
        var existing = await db.VulnerabilityAliases.Where(a => keys.Contains(a.Alias)).ToDictionaryAsync(a => a.Alias, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var (alias, canonical) in _learned)
        {
            if (existing.TryGetValue(alias, out var row))
            {
                row.CanonicalId = canonical;
            }
            else
            {
                db.VulnerabilityAliases.Add(new VulnerabilityAlias { Alias = alias, CanonicalId = canonical });
            }
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private void Learn(string id, string canonical)
    {
        var key = id.ToUpperInvariant();
        if (string.Equals(key, canonical, StringComparison.Ordinal) || key.StartsWith("CVE-", StringComparison.Ordinal))
        {
            return; // an id is not its own alias; two CVEs in one advisory are two vulnerabilities, never aliases
        }

        if (key.Length > Data.ColumnLengths.VulnerabilityId || canonical.Length > Data.ColumnLengths.VulnerabilityId)
        {
            return;
        }

        if (!_canonical.TryGetValue(key, out var known) || !string.Equals(known, canonical, StringComparison.OrdinalIgnoreCase))
        {
            _canonical[key] = canonical;
            _learned[key] = canonical;
        }
    }

    /// <summary>A CVE beats any other id; between two of the same kind, the smaller (older) one wins, so the choice is stable.</summary>
    private static bool Better(string candidate, string current)
    {
        var candidateIsCve = candidate.StartsWith("CVE-", StringComparison.OrdinalIgnoreCase);
        var currentIsCve = current.StartsWith("CVE-", StringComparison.OrdinalIgnoreCase);
        if (candidateIsCve != currentIsCve)
        {
            return candidateIsCve;
        }

        return !candidateIsCve && string.Compare(candidate, current, StringComparison.OrdinalIgnoreCase) < 0;
    }
}
