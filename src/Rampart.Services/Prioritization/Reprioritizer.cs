using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rampart.Core.Findings;
using Rampart.Core.Prioritization;
using Rampart.Data;
using Rampart.Services.Imports.Bulk;
using Rampart.Services.Policies;

namespace Rampart.Services.Prioritization;

/// <summary>
/// Re-decides open findings in pages of <see cref="PageSize"/> (keyset by id, one transaction a page, so a crash
/// leaves a consistent, resumable state: running again converges). Only findings whose decision changed are written:
/// the computed priority, SSVC outcome, exploitation, severity and score are compared, and, for asset edits, the
/// path itself. Each change is logged as a <see cref="PriorityChange"/>; listeners hear of them after commit.
/// </summary>
public sealed partial class Reprioritizer(
    RampartDbContext db, TimeProvider clock, ExploitIntelCache cache, PolicyTermsCache policy, IEnumerable<IPriorityChangeListener> listeners,
    ILogger<Reprioritizer> logger)
    : IReprioritizer
{
    public const int PageSize = 20_000;

    public async Task<ReprioritizationResult> ReprioritizeAsync(ReprioritizationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        var book = await cache.GetAsync(db, cancellationToken, fresh: true);
        var terms = await policy.GetAsync(db, cancellationToken);
        var rows = await db.Assets.AsNoTracking()
            .Where(a => request.AssetIds == null || request.AssetIds.Contains(a.Id))
            .ToListAsync(cancellationToken);
        var assets = rows.ToDictionary(a => a.Id, AssetContext.Of);
        var timeframes = rows.ToDictionary(a => a.Id, terms.TimeframesFor);
        var decisions = new DecisionCache(terms.Prioritization);
        var changes = new List<PriorityChange>();
        int examined = 0, changed = 0;
        long after = 0;
        var cause = Clip(request.Cause);

        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            using var store = BulkStore.For(db);
            var page = await OpenFindingPage.ReadAsync(db, store, request.AssetIds, after, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            var updates = new List<object?[]>();
            var logged = new List<PriorityChange>();
            foreach (var row in page)
            {
                if (!assets.TryGetValue(row.AssetId, out var asset))
                {
                    continue;
                }

                examined++;
                var intel = book.For(row.VulnerabilityIds);
                var decision = decisions.Outcome(row, asset, intel);
                var same = decision.Priority == row.ComputedPriority && decision.Ssvc == row.Ssvc && decision.Exploitation == row.Exploitation
                    && decision.Severity == row.Severity && decision.CvssScore == row.CvssScore;
                if (same && !request.RewriteReasons)
                {
                    continue;
                }

                changed++;
                (decision, var reasons) = decisions.Explain(row, asset, intel);
                var effective = row.Override ?? decision.Priority;
                var redated = row.Override is null && decision.Priority != row.ComputedPriority;
                var due = redated
                    ? timeframes[row.AssetId].DueDateAfterChange(row.ComputedPriority, decision.Priority, row.FirstSeen, now, row.DueDate)
                    : row.DueDate;
                updates.Add(
                [
                    decision.Priority.ToString(), effective.ToString(), decision.Ssvc?.ToString(), decision.Exploitation?.ToString(),
                    decision.Severity.ToString(), decision.CvssScore, reasons, store.Stored(due), store.Stored(now), row.Id,
                    redated, terms.VersionId,
                ]);
                if (decision.Priority != row.ComputedPriority || decision.Ssvc != row.Ssvc)
                {
                    logged.Add(new PriorityChange
                    {
                        FindingId = row.Id,
                        ChangedAt = now,
                        FromPriority = row.Priority,
                        ToPriority = effective,
                        FromSsvc = row.Ssvc,
                        ToSsvc = decision.Ssvc,
                        Cause = cause,
                        Reasons = reasons,
                    });
                }
            }

            await store.ExecuteForEachAsync(UpdateSql, updates, cancellationToken);
            await InsertChangesAsync(store, logged, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            changes.AddRange(logged);
            after = page[^1].Id;
        }

        await NotifyAsync(changes, cancellationToken);
        var result = new ReprioritizationResult(examined, changed, changes.Count(c => c.BecameP1), started.Elapsed);
        LogDone(logger, cause, result.Examined, result.Changed, result.BecameP1, result.Elapsed.TotalMilliseconds, book.Version);
        return result;
    }

    private async Task InsertChangesAsync(BulkStore store, List<PriorityChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

        var table = BulkTable.For<PriorityChange>(db);
        var ids = await store.NextIdsAsync(table, changes.Count, cancellationToken);
        for (var i = 0; i < ids.Length; i++)
        {
            changes[i].Id = ids[i];
        }

        await store.InsertAsync(table, changes, cancellationToken);
    }

    private async Task NotifyAsync(List<PriorityChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

        foreach (var listener in listeners)
        {
            try
            {
                await listener.OnPriorityChangedAsync(changes, cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The changes are committed and logged; a listener's failure must not undo or hide them.
                LogListenerFailed(logger, error, listener.GetType().Name);
            }
        }
    }

    private static string Clip(string cause) => cause.Length <= ColumnLengths.Name ? cause : cause[..ColumnLengths.Name];

    private const string UpdateSql =
        """
        UPDATE "Findings" SET "ComputedPriority" = @p0, "Priority" = @p1, "Ssvc" = @p2, "Exploitation" = @p3, "Severity" = @p4,
            "CvssScore" = @p5, "PriorityReasons" = @p6, "DueDate" = @p7, "PriorityDecidedAt" = @p8,
            "PolicyVersionId" = CASE WHEN @p10 THEN @p11 ELSE "PolicyVersionId" END
        WHERE "Id" = @p9
        """;

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-prioritized after {Cause}: {Examined} open findings examined, {Changed} changed, {BecameP1} became P1 in {ElapsedMs:F0} ms ({Feeds})")]
    private static partial void LogDone(ILogger logger, string cause, int examined, int changed, int becameP1, double elapsedMs, string feeds);

    [LoggerMessage(Level = LogLevel.Error, Message = "A priority change listener ({Listener}) failed")]
    private static partial void LogListenerFailed(ILogger logger, Exception error, string listener);
}
