using Microsoft.EntityFrameworkCore;
using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Data;
using Rampart.Ingest;

namespace Rampart.Services.Imports;

/// <summary>
/// The state of one import while it streams: the scan row, the fingerprints already seen in the file, the current
/// batch and the counts. Runs inside the transaction <see cref="ImportService"/> opened; see its remarks for the rules.
/// </summary>
internal sealed class ImportRun(RampartDbContext db, Asset asset, ImportRequest request, ImportSource source, DateTimeOffset importedAt)
{
    /// <summary>Results looked up and written per round trip: one SELECT and one SaveChanges per batch, never per result.</summary>
    public const int BatchSize = 1000;

    private readonly ReportMetadata _metadata = new() { Format = source.Format };
    private readonly HashSet<string> _fingerprints = new(StringComparer.Ordinal);
    private readonly List<(string Fingerprint, ReportedFinding Reported)> _batch = new(BatchSize);
    private Scan? _scan;
    private long? _previousScanId;
    private int _new;
    private int _unchanged;
    private int _reopened;

    public async Task<ImportResult> ExecuteAsync(Stream content, CancellationToken cancellationToken)
    {
        await foreach (var reported in ReportReaders.ReadAsync(content, source.FileName, source.Format, _metadata, cancellationToken))
        {
            var fingerprint = FindingFingerprint.Compute(reported);
            if (!_fingerprints.Add(fingerprint))
            {
                continue; // the same weakness twice in one file: the first result stands for it
            }

            _batch.Add((fingerprint, reported));
            if (_batch.Count >= BatchSize)
            {
                await FlushAsync(cancellationToken);
            }
        }

        await FlushAsync(cancellationToken);
        var scan = _scan!;
        var closed = await CloseMissingAsync(scan, cancellationToken);

        db.Scans.Attach(scan);
        scan.ToolVersion = ImportText.Clip(_metadata.ToolVersion, ColumnLengths.Version);
        scan.FindingCount = _fingerprints.Count;
        scan.NewCount = _new;
        scan.UnchangedCount = _unchanged;
        scan.ReopenedCount = _reopened;
        scan.ClosedCount = closed;
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);

        return new ImportResult(scan.Id, source.Format, asset.Name, scan.Tool, _fingerprints.Count, _new, _unchanged, _reopened, closed);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var scan = await EnsureScanAsync(cancellationToken);
        if (_batch.Count == 0)
        {
            return;
        }

        var fingerprints = _batch.Select(b => b.Fingerprint).ToList();
        var known = await db.Findings
            .Where(f => f.AssetId == asset.Id && fingerprints.Contains(f.Fingerprint))
            .ToDictionaryAsync(f => f.Fingerprint, StringComparer.Ordinal, cancellationToken);

        foreach (var (fingerprint, reported) in _batch)
        {
            if (known.TryGetValue(fingerprint, out var finding))
            {
                Revisit(finding, scan.ScanDate);
            }
            else
            {
                finding = Create(fingerprint, reported, scan.ScanDate);
                db.Findings.Add(finding);
            }

            FindingFields.Apply(finding, reported);
            FindingFields.Prioritize(finding, asset);
            db.Observations.Add(FindingFields.Observe(finding, reported, scan));
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        _batch.Clear();
    }

    private void Revisit(Finding finding, DateTimeOffset scanDate)
    {
        if (finding.Status == FindingStatus.Fixed)
        {
            finding.Status = FindingStatus.Open;
            finding.StatusChangedAt = scanDate;
            _reopened++;
        }
        else
        {
            // Open stays open; RiskAccepted, FalsePositive and NotAffected are human decisions a rescan keeps.
            _unchanged++;
        }

        if (scanDate > finding.LastSeen)
        {
            finding.LastSeen = scanDate;
        }

        if (scanDate < finding.FirstSeen)
        {
            finding.FirstSeen = scanDate; // an older report imported late
        }
    }

    private Finding Create(string fingerprint, ReportedFinding reported, DateTimeOffset scanDate)
    {
        _new++;
        return new Finding
        {
            AssetId = asset.Id,
            Fingerprint = fingerprint,
            Title = "",
            // A result the tool itself marks suppressed (SARIF 2.1.0 §3.27.23) arrives as a false positive.
            Status = reported.Suppressed ? FindingStatus.FalsePositive : FindingStatus.Open,
            FirstSeen = scanDate,
            LastSeen = scanDate,
            StatusChangedAt = scanDate,
        };
    }

    /// <summary>
    /// The scan row is written before the first observation; by then the reader has usually named the tool and
    /// the scan date (for files under one batch, it has read the whole file).
    /// </summary>
    private async Task<Scan> EnsureScanAsync(CancellationToken cancellationToken)
    {
        if (_scan is not null)
        {
            return _scan;
        }

        var tool = ImportText.Clip(_metadata.Tool?.Trim(), ColumnLengths.Tool) ?? source.Format.ToString();
        _previousScanId = await db.Scans
            .Where(s => s.AssetId == asset.Id && s.Tool == tool)
            .OrderByDescending(s => s.Id)
            .Select(s => (long?)s.Id)
            .FirstOrDefaultAsync(cancellationToken);

        _scan = new Scan
        {
            AssetId = asset.Id,
            Tool = tool,
            ToolVersion = ImportText.Clip(_metadata.ToolVersion, ColumnLengths.Version),
            Format = source.Format,
            FileName = source.FileName,
            FileSha256 = source.Sha256,
            ScanDate = (request.ScanDate ?? _metadata.ScanDate ?? importedAt).ToUniversalTime(),
            ImportedAt = importedAt,
            ImportedBy = ImportText.Clip(request.ImportedBy, ColumnLengths.Name),
        };
        db.Scans.Add(_scan);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return _scan;
    }

    /// <summary>
    /// Open findings the previous scan of this (asset, tool) saw and this one did not are fixed, unless the latest
    /// scan of another tool on the asset still sees them. One set-based UPDATE.
    /// </summary>
    private async Task<int> CloseMissingAsync(Scan scan, CancellationToken cancellationToken)
    {
        if (_previousScanId is not { } previousScanId)
        {
            return 0;
        }

        var assetId = asset.Id;
        var scanId = scan.Id;
        var latestOfOtherTools = db.Scans
            .Where(s => s.AssetId == assetId && s.Tool != scan.Tool)
            .GroupBy(s => s.Tool)
            .Select(g => g.Max(s => s.Id));

        return await db.Findings
            .Where(f => f.AssetId == assetId && f.Status == FindingStatus.Open)
            .Where(f => db.Observations.Any(o => o.FindingId == f.Id && o.ScanId == previousScanId))
            .Where(f => !db.Observations.Any(o => o.FindingId == f.Id && o.ScanId == scanId))
            .Where(f => !db.Observations.Any(o => o.FindingId == f.Id && latestOfOtherTools.Contains(o.ScanId)))
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(f => f.Status, FindingStatus.Fixed)
                    .SetProperty(f => f.StatusChangedAt, scan.ScanDate),
                cancellationToken);
    }
}
