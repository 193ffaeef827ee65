using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Core.Inventory;
using Rampart.Core.Policies;
using Rampart.Core.Prioritization;
using Rampart.Core.Prioritization.Ssvc;
using Rampart.Core.Workflow;
using Rampart.Data;
using Rampart.Ingest;
using Rampart.Services.Imports.Bulk;
using Rampart.Services.Prioritization;

namespace Rampart.Services.Imports;

/// <summary>
/// One import while it streams, inside the transaction <see cref="ImportService"/> opened; see its remarks for the
/// rules. The asset's findings are loaded once as compact keys; results are classified in memory and only what
/// changed is written, in batches, through <see cref="BulkStore"/>. Memory is bounded by the asset's finding count
/// (about 60 bytes each) plus one batch, never by the file.
/// </summary>
internal sealed partial class ImportRun(
    RampartDbContext db, Asset asset, ImportRequest request, ImportFile file, DateTimeOffset importedAt, ExploitIntelBook intel, PolicyTerms terms, ILogger logger)
{
    /// <summary>Rows written per round trip.</summary>
    public const int BatchSize = 5000;

    /// <summary>The asset depends on an upstream provider that AIS-07 makes accountable: new findings open a due-diligence item.</summary>
    private readonly bool _dueDiligence = RemediationOwnership.NeedsDueDiligence(asset.Layer, asset.UpstreamProvider);
    private readonly List<long> _newIds = [];

    private string ScanActor => $"scan #{_scan.Id}";

    private const int EvidenceItems = 5;
    private const int EvidenceTextLength = 2000;

    private static readonly JsonSerializerOptions EvidenceJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ReportMetadata _metadata = new() { Format = file.Format };
    private readonly BulkStore _store = BulkStore.For(db);
    private readonly Dictionary<long, FindingState> _states = [];

    /// <summary>Keys of findings this file adds (8 bytes each, so a first import of millions stays small).</summary>
    private readonly HashSet<long> _newKeys = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<DecisionKey, (PriorityDecision, string)> _decisions = [];
    private readonly AssetContext _context = AssetContext.Of(asset);
    private readonly RemediationTimeframes _timeframes = terms.TimeframesFor(asset);
    private ImportBatch _batch = new();
    private TimeSpan _loaded;
    private TimeSpan _writing;
    private AliasBook _aliases = null!;
    private Scan _scan = null!;
    private Source _source = null!;
    private DateTimeOffset? _previousScanDate;
    private int _total;
    private int _new;
    private int _unchanged;
    private int _reopened;
    private int _duplicates;
    private int _priorityChanges;

    /// <param name="sha256">Gives the file's hash once the content has been read.</param>
    public Task<ImportResult> ExecuteAsync(Stream content, Func<string> sha256, CancellationToken cancellationToken) =>
        RunAsync(
            ReportReaders.ReadAsync(content, file.FileName, file.Format, _metadata, cancellationToken),
            async () =>
            {
                await content.CopyToAsync(Stream.Null, cancellationToken); // what the reader did not need still counts in the hash
                return sha256();
            },
            cancellationToken);

    /// <summary>
    /// Findings produced in process (OSV records matched against an inventory): no file, no hash; the caller names
    /// the tool, the request names the scope. Reconciled exactly like a report of that tool and scope.
    /// </summary>
    public Task<ImportResult> ExecuteAsync(IEnumerable<ReportedFinding> findings, string tool, CancellationToken cancellationToken)
    {
        _metadata.Tool = tool;
        return RunAsync(InMemory(findings), () => Task.FromResult<string?>(null), cancellationToken);
    }

    private static async IAsyncEnumerable<ReportedFinding> InMemory(IEnumerable<ReportedFinding> findings)
    {
        foreach (var finding in findings)
        {
            yield return finding;
        }

        await Task.CompletedTask;
    }

    private async Task<ImportResult> RunAsync(IAsyncEnumerable<ReportedFinding> source, Func<Task<string?>> finish, CancellationToken cancellationToken)
    {
        using var store = _store;
        await _store.PrepareAsync(cancellationToken);
        _aliases = await AliasBook.LoadAsync(db, cancellationToken);

        // Three stages: the reader parses on its own task, this one fingerprints and classifies, the writer stores.
        await using var results = new ReadAhead<ReportedFinding>(source, cancellationToken);

        // The first result (or the end) is read before the scan row is written: by then the reader has named the
        // tool and usually the scope, which pick the source this scan reconciles against.
        var hasResult = await results.MoveNextAsync();
        await StartAsync(cancellationToken);

        // This stage is CPU only (no database); the writer task stores finished batches. A bounded channel keeps at
        // most a few batches in memory.
        using var writerFailed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<ImportBatch>(new BoundedChannelOptions(3) { SingleReader = true, SingleWriter = true });
        var writer = Task.Run(() => WriteBatchesAsync(channel.Reader, writerFailed), CancellationToken.None);
        try
        {
            while (hasResult)
            {
                if (Accept(results.Current))
                {
                    await channel.Writer.WriteAsync(TakeBatch(), writerFailed.Token);
                }

                hasResult = await results.MoveNextAsync();
            }

            await channel.Writer.WriteAsync(TakeBatch(), writerFailed.Token);
            channel.Writer.Complete();
        }
        catch (Exception error)
        {
            channel.Writer.TryComplete(error);
            await Task.WhenAny(writer); // the writer stops at the fault; its own error, if any, is secondary
            if (writer.IsFaulted && error is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                await writer; // the writer failed first: report its error, not the cancellation it caused
            }

            throw;
        }

        await writer;
        var fileSha256 = await finish();
        var written = _clock.Elapsed;
        var closed = await CloseMissingAsync(cancellationToken);
        await OpenDueDiligenceAsync(cancellationToken);
        await RegisterInventoryAsync(cancellationToken);
        await _aliases.SaveAsync(db, cancellationToken);
        await FinishAsync(closed, fileSha256, cancellationToken);
        LogPhases(logger, file.FileName, _total, _loaded.TotalMilliseconds, written.TotalMilliseconds, _writing.TotalMilliseconds, _clock.Elapsed.TotalMilliseconds);

        return new ImportResult(_scan.Id, file.Format, asset.Name, _scan.Tool, _total, _new, _unchanged, _reopened, closed)
        {
            Scope = _scan.Scope,
            Duplicates = _duplicates,
            Components = _metadata.Components.Count,
            PriorityChanges = _priorityChanges,
        };
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        var tool = ImportText.Clip(_metadata.Tool?.Trim(), ColumnLengths.Tool) ?? file.Format.ToString();
        var scope = ImportText.Clip(request.Scope?.Trim(), ColumnLengths.Scope)
            ?? ImportText.Clip(_metadata.Scope?.Trim(), ColumnLengths.Scope) ?? "";

        _source = await db.Sources.SingleOrDefaultAsync(s => s.AssetId == asset.Id && s.Tool == tool && s.Scope == scope, cancellationToken)
            ?? new Source { AssetId = asset.Id, Tool = tool, Scope = scope };
        if (_source.Id == 0)
        {
            db.Sources.Add(_source);
            await db.SaveChangesAsync(cancellationToken);
        }

        _previousScanDate = _source.LastScanDate;
        _scan = new Scan
        {
            AssetId = asset.Id,
            SourceId = _source.Id,
            Tool = tool,
            Scope = scope,
            ToolVersion = ImportText.Clip(_metadata.ToolVersion, ColumnLengths.Version),
            Format = file.Format,
            FileName = file.FileName,
            FileSha256 = file.Sha256,
            FileLength = file.Length,
            ScanDate = (request.ScanDate ?? _metadata.ScanDate ?? importedAt).ToUniversalTime(),
            ImportedAt = importedAt,
            ImportedBy = ImportText.Clip(request.ImportedBy, ColumnLengths.Name),
        };
        db.Scans.Add(_scan);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        await LoadStatesAsync(cancellationToken);
        _loaded = _clock.Elapsed;
    }

    /// <summary>
    /// Every finding of the asset, with this source's observation of it when there is one: two sequential scans
    /// (the source's observations, then the asset's findings) joined in memory, which beats an index join per row.
    /// </summary>
    private async Task LoadStatesAsync(CancellationToken cancellationToken)
    {
        var observations = new Dictionary<long, (long Id, bool Present, long Hash)>();
        await using (var command = _store.Command(
            """SELECT "FindingId", "Id", "Present", "ContentHash" FROM "Observations" WHERE "SourceId" = @p0""", _source.Id))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                observations[reader.GetInt64(0)] = (reader.GetInt64(1), reader.GetBoolean(2), reader.GetInt64(3));
            }
        }

        // SQLite would walk the (AssetId, FingerprintKey) index and fetch each row; a table scan reads pages in order.
        var notIndexed = db.Database.IsSqlite() ? "NOT INDEXED" : "";
        await using (var command = _store.Command(
            $"""
            SELECT "Id", "FingerprintKey", "Status", "FirstSeen", "ComputedPriority", "Ssvc", "PriorityOverride" IS NOT NULL, "DueDate", "State"
            FROM "Findings" {notIndexed} WHERE "AssetId" = @p0
            """, asset.Id))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            _states.EnsureCapacity(observations.Count);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt64(0);
                var observation = observations.GetValueOrDefault(id);
                _states[reader.GetInt64(1)] = new FindingState
                {
                    FindingId = id,
                    Status = StatusOf(reader.GetString(2)),
                    FirstSeen = BulkStore.ReadDate(reader, 3)!.Value,
                    ComputedPriority = OpenFindingPage.PriorityOf(reader.GetString(4)),
                    Ssvc = reader.IsDBNull(5) ? null : Enum.Parse<SsvcOutcome>(reader.GetString(5)),
                    Overridden = reader.GetBoolean(6),
                    DueDate = BulkStore.ReadDate(reader, 7),
                    State = StateOf(reader.GetString(8)),
                    ObservationId = observation.Id,
                    Present = observation.Present,
                    ContentHash = observation.Hash,
                };
            }
        }
    }

    private static FindingStatus StatusOf(string stored) => stored switch
    {
        nameof(FindingStatus.Open) => FindingStatus.Open,
        nameof(FindingStatus.Fixed) => FindingStatus.Fixed,
        _ => Enum.Parse<FindingStatus>(stored),
    };

    private static WorkflowState StateOf(string stored) => stored switch
    {
        nameof(WorkflowState.New) => WorkflowState.New,
        nameof(WorkflowState.VerifiedClosed) => WorkflowState.VerifiedClosed,
        _ => Enum.Parse<WorkflowState>(stored),
    };

    /// <summary>Classifies one result against the loaded state; true when the current batch is full.</summary>
    private bool Accept(ReportedFinding result)
    {
        var reported = _aliases.Resolve(result);
        var fingerprint = FindingFingerprint.Compute(reported);
        var key = Finding.KeyOf(fingerprint);
        var hash = ContentHasher.Hash(reported);
        var date = _scan.ScanDate;

        ref var state = ref CollectionsMarshal.GetValueRefOrNullRef(_states, key);
        if (Unsafe.IsNullRef(ref state))
        {
            if (!_newKeys.Add(key))
            {
                _duplicates++; // a weakness new to the asset, twice in this file: the first result stands for it
                return false;
            }

            _total++;
            _new++;
            var status = reported.Suppressed ? FindingStatus.FalsePositive : reported.AnalysisStatus ?? FindingStatus.Open;
            var finding = new Finding
            {
                AssetId = asset.Id,
                Fingerprint = fingerprint,
                FingerprintKey = key,
                Title = "",
                // A result the tool marks suppressed (SARIF 2.1.0 §3.27.23) arrives as a false positive; a VEX
                // analysis (not affected, false positive, resolved) arrives as what it says.
                Status = status,
                State = FindingWorkflow.StateOf(status),
                FirstSeen = date,
                LastSeen = date,
                StatusChangedAt = date,
            };
            FindingFields.Apply(finding, reported);
            FindingFields.Prioritize(finding, _context, intel, importedAt, terms, _timeframes, _decisions);
            _batch.NewFindings.Add(finding);
            var observation = Observe(reported, hash);
            observation.Finding = finding; // the writer copies the key once the finding has one
            _batch.NewObservations.Add(observation);
        }
        else if (state.Seen)
        {
            _duplicates++; // the same weakness twice in one file: the first result stands for it
            return false;
        }
        else
        {
            _total++;
            state.Seen = true;
            // A fix still seen was no fix; a verified closure seen again is a regression (FindingWorkflow.WhenSeen).
            var reopenTo = FindingWorkflow.WhenSeen(state.State);
            var reopen = reopenTo is not null;
            var changed = state.ObservationId == 0 || !state.Present || state.ContentHash != hash;
            if (reopen)
            {
                _reopened++;
            }
            else
            {
                // Open stays open; RiskAccepted, FalsePositive, NotAffected and Duplicate are human decisions a rescan keeps.
                _unchanged++;
            }

            if (reopen || changed)
            {
                UpdateFinding(ref state, reported, reopenTo);
            }

            if (state.ObservationId == 0)
            {
                var observation = Observe(reported, hash);
                observation.FindingId = state.FindingId;
                _batch.NewObservations.Add(observation);
                state.ObservationId = -1; // stored by the writer; a second result with this fingerprint is a duplicate anyway
            }
            else if (changed)
            {
                var observation = Observe(reported, hash);
                _batch.ObservationUpdates.Add(
                [
                    observation.Tool, observation.ToolSeverity.ToString(), observation.RawLocation, observation.Message,
                    observation.Occurrences, observation.Evidence, hash, _scan.Id, Stored(date), state.ObservationId,
                ]);
            }

            state.Present = true;
            state.ContentHash = hash;
        }

        return _batch.Count >= BatchSize;
    }

    /// <summary>
    /// The finding follows the latest report that changed; a Fixed finding seen again is reopened. A change of the
    /// computed priority is logged; a person's override keeps the effective priority and due date.
    /// </summary>
    private void UpdateFinding(ref FindingState state, ReportedFinding reported, WorkflowState? reopenTo)
    {
        var reopen = reopenTo is not null;
        var finding = new Finding { Id = state.FindingId, Fingerprint = "", Title = "", FirstSeen = state.FirstSeen };
        FindingFields.Apply(finding, reported);
        var decision = FindingFields.Prioritize(finding, _context, intel, importedAt, terms, _timeframes, _decisions);
        var decidedAt = (DateTimeOffset?)null;
        if (decision.Priority != state.ComputedPriority || decision.Ssvc != state.Ssvc)
        {
            decidedAt = importedAt;
            finding.DueDate = _timeframes.DueDateAfterChange(state.ComputedPriority, decision.Priority, state.FirstSeen, importedAt, state.DueDate);
            if (!state.Overridden)
            {
                _batch.PriorityChanges.Add(new PriorityChange
                {
                    FindingId = state.FindingId,
                    ChangedAt = importedAt,
                    FromPriority = state.ComputedPriority,
                    ToPriority = decision.Priority,
                    FromSsvc = state.Ssvc,
                    ToSsvc = decision.Ssvc,
                    Cause = $"scan {_scan.Id}",
                    Reasons = finding.PriorityReasons,
                });
            }

            state.ComputedPriority = decision.Priority;
            state.Ssvc = decision.Ssvc;
            state.DueDate = finding.DueDate;
        }
        else
        {
            finding.DueDate = state.DueDate;
        }

        if (reopenTo is { } to)
        {
            _batch.Transitions.Add(new FindingTransition
            {
                FindingId = state.FindingId,
                FromState = state.State,
                ToState = to,
                Kind = TransitionKind.ScanReopened,
                By = ScanActor,
                At = importedAt,
                Comment = state.State == WorkflowState.FixedAwaitingVerification ? $"still seen by scan #{_scan.Id}" : $"seen again by scan #{_scan.Id}",
                ScanId = _scan.Id,
            });
            state.State = to;
            state.Status = FindingWorkflow.StatusOf(to);
        }

        _batch.FindingUpdates.Add(
        [
            finding.Kind.ToString(), finding.Title, finding.Description, finding.RuleId, finding.VulnerabilityIds, finding.Cwes,
            finding.Tags, finding.ComponentPurl, finding.ComponentName, finding.ComponentVersion, finding.FixedVersion,
            finding.LocationPath, finding.LocationLine, finding.ToolSeverity.ToString(), finding.CvssVectors, finding.CvssScore,
            finding.Severity.ToString(), finding.ComputedPriority.ToString(), finding.PriorityReasons, Stored(finding.DueDate),
            Stored(_scan.ScanDate), reopen, state.Status.ToString(), finding.Id,
            finding.Ssvc?.ToString(), finding.Exploitation?.ToString(), Stored(decidedAt), finding.AttackSuccessRate,
            decidedAt is not null, terms.VersionId, state.State.ToString(),
        ]);
    }

    private Observation Observe(ReportedFinding reported, long hash) => new()
    {
        SourceId = _source.Id,
        FirstScanId = _scan.Id,
        LastScanId = _scan.Id,
        FirstSeen = _scan.ScanDate,
        LastSeen = _scan.ScanDate,
        Present = true,
        Tool = ImportText.Clip(reported.Tool, ColumnLengths.Tool) ?? _scan.Tool,
        ToolSeverity = reported.ToolSeverity,
        RawLocation = ImportText.Clip(FindingFields.RawLocation(reported), ColumnLengths.Path),
        Message = ImportText.Clip(reported.Message, ColumnLengths.Message),
        Occurrences = Math.Max(1, reported.Occurrences),
        Evidence = reported.Evidence.Count == 0 ? null : JsonSerializer.Serialize(
            reported.Evidence.Take(EvidenceItems).Select(e => new EvidenceItem(
                ImportText.Clip(e.Label, ColumnLengths.Name) ?? "", ImportText.Clip(e.Text, EvidenceTextLength) ?? "")),
            EvidenceJson),
        ContentHash = hash,
    };

    private ImportBatch TakeBatch()
    {
        var batch = _batch;
        _batch = new ImportBatch();
        return batch;
    }

    /// <summary>The writer stage: keys, then inserts (findings before their observations), then updates.</summary>
    private async Task WriteBatchesAsync(ChannelReader<ImportBatch> batches, CancellationTokenSource failed)
    {
        try
        {
            var findings = BulkTable.For<Finding>(db);
            var observations = BulkTable.For<Observation>(db);
            await foreach (var batch in batches.ReadAllAsync(failed.Token))
            {
                if (batch.NewFindings.Count > 0)
                {
                    var ids = await _store.NextIdsAsync(findings, batch.NewFindings.Count, failed.Token);
                    for (var i = 0; i < ids.Length; i++)
                    {
                        batch.NewFindings[i].Id = ids[i];
                    }

                    if (_dueDiligence)
                    {
                        _newIds.AddRange(ids);
                    }
                }

                if (batch.NewObservations.Count > 0)
                {
                    var ids = await _store.NextIdsAsync(observations, batch.NewObservations.Count, failed.Token);
                    for (var i = 0; i < ids.Length; i++)
                    {
                        var observation = batch.NewObservations[i];
                        observation.Id = ids[i];
                        if (observation.Finding is { } finding)
                        {
                            observation.FindingId = finding.Id;
                            observation.Finding = null;
                        }
                    }
                }

                var started = Stopwatch.GetTimestamp();
                await _store.InsertRowsAsync(FindingRows.Instance, batch.NewFindings, failed.Token);
                await _store.InsertRowsAsync(ObservationRows.Instance, batch.NewObservations, failed.Token);
                await _store.ExecuteForEachAsync(UpdateFindingSql, batch.FindingUpdates, failed.Token);
                await _store.ExecuteForEachAsync(UpdateObservationSql, batch.ObservationUpdates, failed.Token);
                await InsertTransitionsAsync(batch.Transitions, failed.Token);
                if (batch.PriorityChanges.Count > 0)
                {
                    var table = BulkTable.For<PriorityChange>(db);
                    var ids = await _store.NextIdsAsync(table, batch.PriorityChanges.Count, failed.Token);
                    for (var i = 0; i < ids.Length; i++)
                    {
                        batch.PriorityChanges[i].Id = ids[i];
                    }

                    await _store.InsertAsync(table, batch.PriorityChanges, failed.Token);
                    Interlocked.Add(ref _priorityChanges, batch.PriorityChanges.Count);
                }
                _writing += Stopwatch.GetElapsedTime(started);
            }
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
    }

    private async Task InsertTransitionsAsync(List<FindingTransition> transitions, CancellationToken cancellationToken)
    {
        if (transitions.Count == 0)
        {
            return;
        }

        var table = BulkTable.For<FindingTransition>(db);
        var ids = await _store.NextIdsAsync(table, transitions.Count, cancellationToken);
        for (var i = 0; i < ids.Length; i++)
        {
            transitions[i].Id = ids[i];
        }

        await _store.InsertAsync(table, transitions, cancellationToken);
    }

    /// <summary>
    /// Observations of this source that its previous scan saw and this one did not are gone; an open finding that no
    /// source sees any more is verified closed (Fixed), its transition recorded by the scan. Written in batches of keys,
    /// the transitions first under the same condition as the update, so each closed finding has exactly one.
    /// </summary>
    private async Task<int> CloseMissingAsync(CancellationToken cancellationToken)
    {
        var lastSeen = Stored(_previousScanDate ?? _scan.ScanDate);
        var gone = _states.Values.Where(s => s is { Present: true, Seen: false, ObservationId: not 0 }).ToList();
        if (gone.Count == 0)
        {
            return 0;
        }

        await _store.ExecuteForKeysAsync(GoneSql, [_scan.Id, lastSeen], [.. gone.Select(s => s.ObservationId)], cancellationToken);
        long[] closing = [.. gone.Where(s => s.Status == FindingStatus.Open).Select(s => s.FindingId)];
        await _store.ExecuteForKeysAsync(
            CloseTransitionSql,
            [WorkflowState.VerifiedClosed.ToString(), TransitionKind.ScanVerified.ToString(), ScanActor, Stored(importedAt),
                $"no longer seen by scan #{_scan.Id}", _scan.Id, FindingStatus.Open.ToString()],
            closing,
            cancellationToken);
        return await _store.ExecuteForKeysAsync(
            CloseSql,
            [FindingStatus.Fixed.ToString(), Stored(_scan.ScanDate), lastSeen, FindingStatus.Open.ToString(), WorkflowState.VerifiedClosed.ToString()],
            closing,
            cancellationToken);
    }

    /// <summary>One due-diligence item per new open finding of an asset whose accountable party is upstream.</summary>
    private async Task OpenDueDiligenceAsync(CancellationToken cancellationToken)
    {
        if (_newIds.Count == 0)
        {
            return;
        }

        await _store.ExecuteForKeysAsync(
            OpenDueDiligenceSql,
            [asset.UpstreamProvider!.Trim(), RemediationOwnership.AccountableFor(asset.Layer).ToString(), DueDiligenceStatus.Open.ToString(),
                Stored(importedAt), FindingStatus.Open.ToString()],
            _newIds,
            cancellationToken);
    }

    /// <summary>An SBOM replaces the component inventory this source gave the asset; an ML-BOM registers its models and datasets.</summary>
    private async Task RegisterInventoryAsync(CancellationToken cancellationToken)
    {
        if (_metadata.Components.Count > 0)
        {
            await db.Components.Where(c => c.SourceId == _source.Id).ExecuteDeleteAsync(cancellationToken);
            var table = BulkTable.For<Component>(db);
            var rows = new List<Component>(BatchSize);
            foreach (var component in _metadata.Components)
            {
                rows.Add(new Component
                {
                    AssetId = asset.Id,
                    SourceId = _source.Id,
                    ScanId = _scan.Id,
                    Name = ImportText.Clip(component.Name, ColumnLengths.Component) ?? "(unnamed)",
                    Version = ImportText.Clip(component.Version, ColumnLengths.Version),
                    Purl = ImportText.Clip(component.Purl, ColumnLengths.Purl),
                    Type = ImportText.Clip(component.Type, ColumnLengths.Enum * 2),
                    Supplier = ImportText.Clip(component.Supplier, ColumnLengths.Name),
                    License = ImportText.Clip(component.License, ColumnLengths.Name),
                    Cpe = ImportText.Clip(component.Cpe, ColumnLengths.Purl),
                });
                if (rows.Count == BatchSize)
                {
                    await InsertComponentsAsync(table, rows, cancellationToken);
                }
            }

            await InsertComponentsAsync(table, rows, cancellationToken);
        }

        foreach (var model in _metadata.AiAssets)
        {
            await RegisterAiAssetAsync(model, cancellationToken);
        }
    }

    private async Task InsertComponentsAsync(BulkTable table, List<Component> rows, CancellationToken cancellationToken)
    {
        var ids = await _store.NextIdsAsync(table, rows.Count, cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Id = ids[i];
        }

        await _store.InsertAsync(table, rows, cancellationToken);
        rows.Clear();
    }

    private async Task RegisterAiAssetAsync(ReportedAiAsset model, CancellationToken cancellationToken)
    {
        var name = ImportText.Clip(model.Name?.Trim(), ColumnLengths.Name);
        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        var existing = await db.Assets.SingleOrDefaultAsync(a => a.Name == name, cancellationToken);
        var registered = existing ?? new Asset { Name = name, CreatedAt = importedAt };
        registered.Kind = model.Kind;
        registered.Layer = model.Layer;
        registered.Version = ImportText.Clip(model.Version, ColumnLengths.Version);
        registered.Purl = ImportText.Clip(model.Purl, ColumnLengths.Purl);
        registered.UpstreamProvider = ImportText.Clip(model.UpstreamProvider, ColumnLengths.Name) ?? registered.UpstreamProvider;
        registered.Description = ImportText.Clip(model.Description) ?? registered.Description;
        registered.ModelCard = ImportText.Clip(model.ModelCard) ?? registered.ModelCard;
        if (existing is null)
        {
            db.Assets.Add(registered);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task FinishAsync(int closed, string? fileSha256, CancellationToken cancellationToken)
    {
        db.Scans.Attach(_scan);
        _scan.FileSha256 = fileSha256;
        _scan.ToolVersion = ImportText.Clip(_metadata.ToolVersion, ColumnLengths.Version);
        _scan.FindingCount = _total;
        _scan.NewCount = _new;
        _scan.UnchangedCount = _unchanged;
        _scan.ReopenedCount = _reopened;
        _scan.ClosedCount = closed;
        _scan.DuplicateCount = _duplicates;
        _scan.ComponentCount = _metadata.Components.Count;

        db.Sources.Attach(_source);
        _source.LastScanId = _scan.Id;
        _source.LastScanDate = _scan.ScanDate;
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A date as the provider stores it (UTC ticks on SQLite, timestamptz on PostgreSQL).</summary>
    private object? Stored(DateTimeOffset? value) => _store.Stored(value);

    private static readonly string UpdateFindingSql =
        """
        UPDATE "Findings" SET "Kind" = @p0, "Title" = @p1, "Description" = @p2, "RuleId" = @p3, "VulnerabilityIds" = @p4,
            "Cwes" = @p5, "Tags" = @p6, "ComponentPurl" = @p7, "ComponentName" = @p8, "ComponentVersion" = @p9,
            "FixedVersion" = @p10, "LocationPath" = @p11, "LocationLine" = @p12, "ToolSeverity" = @p13, "CvssVectors" = @p14,
            "CvssScore" = @p15, "Severity" = @p16, "ComputedPriority" = @p17, "Priority" = COALESCE("PriorityOverride", @p17),
            "PriorityReasons" = @p18, "DueDate" = CASE WHEN "PriorityOverride" IS NULL THEN @p19 ELSE "DueDate" END,
            "PolicyVersionId" = CASE WHEN @p28 AND "PriorityOverride" IS NULL THEN @p29 ELSE "PolicyVersionId" END,
            "Ssvc" = @p24, "Exploitation" = @p25, "PriorityDecidedAt" = COALESCE(@p26, "PriorityDecidedAt"), "AttackSuccessRate" = @p27,
            "LastSeen" = @p20,
            "StatusChangedAt" = CASE WHEN @p21 THEN @p20 ELSE "StatusChangedAt" END,
            "Status" = CASE WHEN @p21 THEN @p22 ELSE "Status" END,
            "State" = CASE WHEN @p21 THEN @p30 ELSE "State" END
        WHERE "Id" = @p23
        """;

    private static readonly string UpdateObservationSql =
        """
        UPDATE "Observations" SET "Tool" = @p0, "ToolSeverity" = @p1, "RawLocation" = @p2, "Message" = @p3,
            "Occurrences" = @p4, "Evidence" = @p5, "ContentHash" = @p6, "LastScanId" = @p7, "LastSeen" = @p8, "Present" = TRUE
        WHERE "Id" = @p9
        """;

    private static readonly string GoneSql =
        """UPDATE "Observations" SET "Present" = FALSE, "LastScanId" = @p0, "LastSeen" = @p1 WHERE "Id" {key}""";

    private static readonly string CloseSql =
        """
        UPDATE "Findings" SET "Status" = @p0, "StatusChangedAt" = @p1, "LastSeen" = @p2, "State" = @p4
        WHERE "Id" {key} AND "Status" = @p3
          AND NOT EXISTS (SELECT 1 FROM "Observations" o WHERE o."FindingId" = "Findings"."Id" AND o."Present")
        """;

    private static readonly string OpenDueDiligenceSql =
        """
        INSERT INTO "DueDiligenceItems" ("FindingId", "Vendor", "AccountableParty", "Status", "OpenedAt")
        SELECT "Id", @p0, @p1, @p2, @p3 FROM "Findings" WHERE "Id" {key} AND "Status" = @p4
        """;

    private static readonly string CloseTransitionSql =
        """
        INSERT INTO "FindingTransitions" ("FindingId", "FromState", "ToState", "Kind", "By", "At", "Comment", "ScanId")
        SELECT "Id", "State", @p0, @p1, @p2, @p3, @p4, @p5 FROM "Findings"
        WHERE "Id" {key} AND "Status" = @p6
          AND NOT EXISTS (SELECT 1 FROM "Observations" o WHERE o."FindingId" = "Findings"."Id" AND o."Present")
        """;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Import of {File}: {Findings} findings; state loaded at {LoadedMs:F0} ms, stream done at {StreamedMs:F0} ms (writer busy {WritingMs:F0} ms), committed at {TotalMs:F0} ms")]
    private static partial void LogPhases(ILogger logger, string file, int findings, double loadedMs, double streamedMs, double writingMs, double totalMs);

    private sealed record EvidenceItem(string Label, string Text);

    /// <summary>What one round trip writes: inserts and updates decided by the classifying stage.</summary>
    private sealed class ImportBatch
    {
        public List<Finding> NewFindings { get; } = [];

        public List<Observation> NewObservations { get; } = [];

        public List<object?[]> FindingUpdates { get; } = [];

        public List<object?[]> ObservationUpdates { get; } = [];

        public List<PriorityChange> PriorityChanges { get; } = [];

        public List<FindingTransition> Transitions { get; } = [];

        public int Count => NewFindings.Count + NewObservations.Count + FindingUpdates.Count + ObservationUpdates.Count + PriorityChanges.Count + Transitions.Count;
    }
}
