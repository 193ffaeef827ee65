using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Data;
using Rampart.Ingest;
using Rampart.Services.Policies;
using Rampart.Services.Prioritization;

namespace Rampart.Services.Imports;

/// <summary>
/// Imports one report in one transaction: parse → fingerprint → correlate → reconcile → prioritize → store.
/// A bad file throws <see cref="Rampart.Ingest.ReportFormatException"/> or <see cref="ImportException"/> and changes nothing.
/// </summary>
/// <remarks>
/// <para><b>Reconciliation</b> is per (asset, tool); the tool is the one the report names (else the format's name).
/// A result's finding is found by its fingerprint on the asset:</para>
/// <list type="bullet">
/// <item><b>new</b>: no finding has the fingerprint → created Open (Fixed never; a result the tool marks suppressed
/// is created FalsePositive), first seen = scan date.</item>
/// <item><b>unchanged</b>: the finding is Open, RiskAccepted, FalsePositive or NotAffected → status kept (human
/// decisions survive rescans), last seen and the descriptive fields follow the report.</item>
/// <item><b>reopened</b>: the finding was Fixed → Open again.</item>
/// <item><b>closed</b>: an Open finding the previous import of the same (asset, tool) saw and this one does not →
/// Fixed, unless the latest scan of another tool on the asset still sees it.</item>
/// </list>
/// <para>Several results with one fingerprint in a file are one finding with one observation (the first result's);
/// <see cref="ImportResult.Findings"/> counts distinct fingerprints. "Previous" means the last one imported, so an
/// old report imported late is compared with the newest import. Every seen finding gets an observation and its
/// priority and due date recomputed (due date counted from first seen).</para>
/// <para>The scan date is the request's, else the report's, else the import time; everything is stored in UTC.</para>
/// </remarks>
public sealed class ImportService(
    RampartDbContext db, TimeProvider clock, ExploitIntelCache intel, PolicyTermsCache policy, Workflow.WorkflowEvents events, ILogger<ImportService> logger)
{
    /// <param name="progress">Receives the number of bytes read so far (for progress bars).</param>
    /// <exception cref="ImportException">The asset name is invalid, or the file is empty or not seekable.</exception>
    /// <exception cref="ReportFormatException">The content is not a readable report of the (detected or given) format.</exception>
    public async Task<ImportResult> ImportAsync(ImportRequest request, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var assetName = ImportText.AssetName(request.AssetName);
        var fileName = ImportText.FileName(request.FileName);
        var content = request.Content ?? throw new ImportException($"{fileName}: there is no content to import.");
        if (!content.CanSeek)
        {
            throw new ImportException($"{fileName}: the content must be seekable (buffer an upload to a file first).");
        }

        var origin = content.Position;
        if (content.Length - origin <= 0 && request.Format == ReportFormat.Auto)
        {
            throw new ImportException($"{fileName}: the file is empty; to record an empty scan, name the format (--format)");
        }

        var length = content.Length - origin;
        var format = request.Format == ReportFormat.Auto ? ReportReaders.Detect(content, fileName) : request.Format;
        if (!string.IsNullOrEmpty(request.Scope) && ImportText.Clip(request.Scope.Trim(), ColumnLengths.Scope) != request.Scope.Trim())
        {
            throw new ImportException($"{fileName}: the scope is longer than {ColumnLengths.Scope} characters");
        }
        content.Position = origin;

        var counted = progress is null ? null : new ProgressStream(content, progress);
        using var hashing = new HashingStream(counted ?? content);
        var autoDetectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var asset = await FindOrCreateAssetAsync(assetName, cancellationToken);

            // Only a file of the size of an earlier scan of the asset can be byte-identical to it: hash those first
            // (one extra pass); every other file is hashed while it is read, for the record.
            string? sha256 = null;
            if (await db.Scans.AnyAsync(s => s.AssetId == asset.Id && s.FileLength == length, cancellationToken))
            {
                sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
                content.Position = origin;
                if (await AlreadyImportedAsync(asset, sha256, format, request.ScanDate, cancellationToken) is { } same)
                {
                    await transaction.CommitAsync(cancellationToken);
                    return same;
                }
            }

            var book = await intel.GetAsync(db, cancellationToken);
            var run = new ImportRun(db, asset, request, new ImportFile(fileName, format, sha256, length), clock.GetUtcNow(), book, await policy.GetAsync(db, cancellationToken), logger);
            var result = await run.ExecuteAsync(sha256 is null ? hashing : counted ?? content, () => sha256 ?? hashing.FinishHex(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            counted?.ReportDone(content.Length - origin);
            await events.PublishScanAsync(db, result.ScanId, cancellationToken);
            return result;
        }
        finally
        {
            // The context may be reused by its scope: nothing of a failed import may linger in it.
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetectChanges;
        }
    }

    /// <summary>
    /// Imports findings produced in process rather than read from a file (OSV records matched against an asset's
    /// inventory) as one complete scan of the asset by <see cref="InProcessScan.Tool"/> and <see cref="InProcessScan.Scope"/>,
    /// through the same pipeline as a file: new, unchanged, reopened and closed findings, aliases learned, priorities.
    /// </summary>
    /// <exception cref="ImportException">The asset name is invalid.</exception>
    public async Task<ImportResult> ImportFindingsAsync(InProcessScan scan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var assetName = ImportText.AssetName(scan.AssetName);
        var request = new ImportRequest(assetName, Stream.Null, scan.Name, scan.Format, scan.ScanDate, scan.ImportedBy, scan.Scope);
        var autoDetectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var asset = await FindOrCreateAssetAsync(assetName, cancellationToken);
            var book = await intel.GetAsync(db, cancellationToken);
            var run = new ImportRun(db, asset, request, new ImportFile(ImportText.FileName(scan.Name), scan.Format, null, 0), clock.GetUtcNow(), book, await policy.GetAsync(db, cancellationToken), logger);
            var result = await run.ExecuteAsync(scan.Findings, scan.Tool, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await events.PublishScanAsync(db, result.ScanId, cancellationToken);
            return result;
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetectChanges;
        }
    }

    /// <summary>
    /// A byte-identical file that is still the latest scan of its source changes nothing: reimporting it is a no-op
    /// that says so. (After another scan of the same source, the old file is a real import again: it reconciles; and
    /// the same bytes given another scan date are a new scan that found the same things.)
    /// </summary>
    private async Task<ImportResult?> AlreadyImportedAsync(Asset asset, string sha256, ReportFormat format, DateTimeOffset? scanDate, CancellationToken cancellationToken)
    {
        var previous = await db.Scans.AsNoTracking()
            .Where(s => s.AssetId == asset.Id && s.FileSha256 == sha256)
            .Where(s => db.Sources.Any(source => source.Id == s.SourceId && source.LastScanId == s.Id))
            .OrderByDescending(s => s.Id)
            .FirstOrDefaultAsync(cancellationToken);
        // The same bytes with another --scan-date are a new scan of an unchanged target: not a no-op.
        if (previous is null || previous.Format != format || (scanDate is { } date && date.ToUniversalTime() != previous.ScanDate))
        {
            return null;
        }

        return new ImportResult(previous.Id, previous.Format, asset.Name, previous.Tool, previous.FindingCount, 0, previous.FindingCount, 0, 0)
        {
            Scope = previous.Scope,
            Components = previous.ComponentCount,
            AlreadyImported = true,
        };
    }

    private async Task<Asset> FindOrCreateAssetAsync(string name, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.SingleOrDefaultAsync(a => a.Name == name, cancellationToken);
        if (asset is not null)
        {
            return asset;
        }

        // Defaults (application, internal, medium criticality) until someone describes the asset.
        asset = new Asset { Name = name, CreatedAt = clock.GetUtcNow() };
        db.Assets.Add(asset);
        await db.SaveChangesAsync(cancellationToken);
        return asset;
    }
}
