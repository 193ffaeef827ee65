using Microsoft.EntityFrameworkCore;
using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Core.Prioritization.Ssvc;
using Rampart.Data;
using Rampart.Services.Prioritization;
using Rampart.Data.Configuration;

namespace Rampart.Services.Findings;

/// <summary>Read side for findings and assets; stays fast at 1,000,000 findings (indexed filters and sorts).</summary>
public sealed class FindingQueries(RampartDbContext db, TimeProvider clock, ExploitIntelCache intel)
{
    public const int MaxPageSize = 500;

    public const int MaxObservations = 200;

    public const int MaxPriorityChanges = 100;

    public async Task<PageOf<FindingSummary>> ListAsync(FindingFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var page = Math.Max(1, filter.Page);
        var pageSize = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var now = clock.GetUtcNow();

        var query = await FilterAsync(filter, now, cancellationToken);
        if (query is null)
        {
            return new PageOf<FindingSummary>([], page, pageSize, 0, false);
        }

        var total = await query.LongCountAsync(cancellationToken);
        var rows = await Sort(query, filter.Sort, filter.Descending)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(f => new SummaryRow(
                f.Id, f.Asset!.Name, f.Title, f.Kind, f.Severity, f.Priority, f.Status, f.ComponentName, f.ComponentVersion,
                f.FixedVersion, f.LocationPath, f.LocationLine, f.VulnerabilityIds, f.FirstSeen, f.Observations.Where(o => o.Present).Max(o => o.Source!.LastScanDate) ?? f.LastSeen, f.DueDate)
                { State = f.State, Assignee = f.Assignee })
            .ToListAsync(cancellationToken);

        var items = rows.Select(r => r.ToSummary(now)).ToList();
        return new PageOf<FindingSummary>(items, page, pageSize, total, (long)(page - 1) * pageSize + items.Count < total);
    }

    /// <summary>
    /// The findings a filter selects (paging and sort aside), as one query: the findings list and bulk triage use the
    /// same selection. Null when the filter names an asset that does not exist (nothing is selected).
    /// </summary>
    internal async Task<IQueryable<Finding>?> FilterAsync(FindingFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var query = db.Findings.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Asset))
        {
            // Resolve the name first so the findings query filters on the indexed AssetId.
            var assetName = filter.Asset.Trim();
            var assetId = await db.Assets.Where(a => a.Name == assetName).Select(a => (long?)a.Id).SingleOrDefaultAsync(cancellationToken);
            if (assetId is null)
            {
                return null;
            }

            query = query.Where(f => f.AssetId == assetId.Value);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(f => f.Status == status);
        }

        if (filter.Priority is { } priority)
        {
            query = query.Where(f => f.Priority == priority);
        }

        if (filter.Severity is { } severity)
        {
            query = query.Where(f => f.Severity == severity);
        }

        if (filter.Overdue is { } overdue)
        {
            query = overdue
                ? query.Where(f => f.Status == FindingStatus.Open && f.DueDate < now)
                : query.Where(f => f.Status != FindingStatus.Open || f.DueDate == null || f.DueDate >= now);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // A substring scan, paid only when someone searches; lower() on both sides makes it case-insensitive
            // on SQLite and PostgreSQL alike.
            var term = filter.Search.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // the StringComparison overloads do not translate to SQL
            query = query.Where(f => f.Title.ToLower().Contains(term)
                || f.VulnerabilityIds.ToLower().Contains(term)
                || (f.ComponentName != null && f.ComponentName.ToLower().Contains(term)));
#pragma warning restore CA1862
        }

        return query;
    }

    public async Task<FindingDetail?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        var finding = await db.Findings.AsNoTracking().Include(f => f.Asset).SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (finding is null)
        {
            return null;
        }

        var asset = finding.Asset!;
        var openFindings = await db.Findings.CountAsync(f => f.AssetId == asset.Id && f.Status == FindingStatus.Open, cancellationToken);
        var observationRows = await db.Observations.AsNoTracking()
            .Where(o => o.FindingId == id)
            .OrderByDescending(o => o.Present)
            .ThenByDescending(o => o.Id)
            .Take(MaxObservations)
            .Select(o => new { Observation = o, o.Source!.Scope, o.Source.LastScanId, o.Source.LastScanDate })
            .ToListAsync(cancellationToken);
        var observations = observationRows.Select(r => new ObservationView(
            r.Observation.Id,
            r.Observation.Present ? r.LastScanId ?? r.Observation.LastScanId : r.Observation.LastScanId,
            r.Observation.Present ? r.LastScanDate ?? r.Observation.LastSeen : r.Observation.LastSeen,
            r.Observation.Tool, r.Observation.ToolSeverity, r.Observation.RawLocation, r.Observation.Message)
        {
            Scope = r.Scope,
            FirstSeen = r.Observation.FirstSeen,
            Present = r.Observation.Present,
            Occurrences = r.Observation.Occurrences,
            Evidence = EvidenceItems(r.Observation.Evidence),
        }).ToList();
        var lastSeen = observations.Where(o => o.Present).Select(o => o.SeenAt).Append(finding.LastSeen).Max();

        var now = clock.GetUtcNow();
        var summary = new SummaryRow(
            finding.Id, asset.Name, finding.Title, finding.Kind, finding.Severity, finding.Priority, finding.Status,
            finding.ComponentName, finding.ComponentVersion, finding.FixedVersion, finding.LocationPath, finding.LocationLine,
            finding.VulnerabilityIds, finding.FirstSeen, lastSeen, finding.DueDate) { State = finding.State, Assignee = finding.Assignee }.ToSummary(now);

        return new FindingDetail(
            summary,
            finding.Description,
            finding.RuleId,
            ValueList.Split(finding.Cwes),
            finding.ComponentPurl,
            finding.LocationLine,
            finding.ToolSeverity,
            ValueList.Split(finding.CvssVectors),
            finding.CvssScore,
            finding.PriorityReasons.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            finding.Fingerprint,
            finding.StatusChangedAt,
            ToView(asset, openFindings),
            observations)
        {
            Tags = ValueList.Split(finding.Tags),
            Prioritization = await PriorityOfAsync(finding, cancellationToken),
            PriorityHistory = await PriorityHistoryAsync(id, cancellationToken),
            AttackSuccessRate = finding.AttackSuccessRate,
        };
    }

    private async Task<PriorityView> PriorityOfAsync(Finding finding, CancellationToken cancellationToken)
    {
        var book = await intel.GetAsync(db, cancellationToken);
        var facts = book.For(finding.VulnerabilityIds);
        var chosen = finding.PriorityOverride is { } priority
            ? new PriorityOverrideView(priority, finding.PriorityOverrideReason ?? "", finding.PriorityOverrideBy ?? "", finding.PriorityOverrideAt ?? finding.StatusChangedAt)
            : null;
        return new PriorityView(
            finding.Priority, finding.ComputedPriority, finding.Ssvc is { } ssvc ? SsvcTree.Name(ssvc) : null,
            finding.Exploitation is { } exploitation ? ExploitationName(exploitation) : null, finding.PriorityDecidedAt,
            finding.PriorityReasons.Split('\n', StringSplitOptions.RemoveEmptyEntries), chosen,
            new ExploitIntelView(facts.KevId, facts.KevDateAdded, facts.KevDueDate, facts.KevRansomware, facts.EpssId, facts.Epss, facts.EpssPercentile, facts.EpssDate));
    }

    /// <summary>Newest first; the path is shortened to its summary line.</summary>
    public async Task<IReadOnlyList<PriorityChangeView>> PriorityHistoryAsync(long findingId, CancellationToken cancellationToken = default)
    {
        var rows = await db.PriorityChanges.AsNoTracking()
            .Where(c => c.FindingId == findingId)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Take(MaxPriorityChanges)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(c => new PriorityChangeView(
            c.ChangedAt, c.FromPriority, c.ToPriority, c.FromSsvc is { } from ? SsvcTree.Name(from) : null,
            c.ToSsvc is { } to ? SsvcTree.Name(to) : null, c.Cause, c.ChangedBy, c.Reasons.Split('\n', 2)[0]))];
    }

    public static string ExploitationName(Exploitation exploitation) => exploitation switch
    {
        Exploitation.PublicPoc => "public PoC",
        _ => exploitation.ToString().ToLowerInvariant(),
    };

    public async Task<IReadOnlyList<AssetView>> ListAssetsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Assets.AsNoTracking()
            .OrderBy(a => a.Name)
            .Select(a => new { Asset = a, Open = db.Findings.Count(f => f.AssetId == a.Id && f.Status == FindingStatus.Open) })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => ToView(r.Asset, r.Open))];
    }

    internal static AssetView ToView(Asset asset, int openFindings) => new(
        asset.Id, asset.Name, asset.Kind, asset.Layer, asset.AccountableParty, asset.OwnerTeam, asset.Criticality,
        asset.Exposure, asset.DataSensitivity, asset.UpstreamProvider, openFindings)
    {
        Version = asset.Version,
        AgentTools = ValueList.Split(asset.AgentTools),
        AgentAutonomy = asset.AgentAutonomy,
    };

    /// <summary>Each sort matches an index of FindingConfiguration (after the status filter), with Id as the tiebreaker.</summary>
    private static IQueryable<Finding> Sort(IQueryable<Finding> query, FindingSort sort, bool descending) => sort switch
    {
        FindingSort.Priority => descending
            ? query.OrderByDescending(f => f.Priority).ThenByDescending(f => f.DueDate).ThenByDescending(f => f.Id)
            : query.OrderBy(f => f.Priority).ThenBy(f => f.DueDate).ThenBy(f => f.Id),
        FindingSort.Severity => By(query, f => EF.Property<int>(f, FindingColumns.SeverityRank), descending),
        FindingSort.DueDate => By(query, f => f.DueDate, descending),
        FindingSort.LastSeen => By(query, LastSeenExpression, descending),
        FindingSort.FirstSeen => By(query, f => f.FirstSeen, descending),
        FindingSort.Title => By(query, f => f.Title, descending),
        FindingSort.Asset => By(query, f => f.Asset!.Name, descending),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown sort."),
    };

    /// <summary>
    /// Last seen: the latest scan date of the sources that still report the finding, else the stored date of its
    /// last change (an import writes nothing for findings it sees unchanged, so the source carries the date).
    /// </summary>
    private static readonly System.Linq.Expressions.Expression<Func<Finding, DateTimeOffset>> LastSeenExpression =
        f => f.Observations.Where(o => o.Present).Max(o => o.Source!.LastScanDate) ?? f.LastSeen;

    private static IReadOnlyList<KeyValuePair<string, string>> EvidenceItems(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return [.. document.RootElement.EnumerateArray().Select(e => new KeyValuePair<string, string>(
                e.GetProperty("Label").GetString() ?? "", e.GetProperty("Text").GetString() ?? ""))];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }

    private static IOrderedQueryable<Finding> By<TKey>(IQueryable<Finding> query, System.Linq.Expressions.Expression<Func<Finding, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key).ThenByDescending(f => f.Id) : query.OrderBy(key).ThenBy(f => f.Id);

    private sealed record SummaryRow(
        long Id, string Asset, string Title, FindingKind Kind, Severity Severity, Priority Priority, FindingStatus Status,
        string? Component, string? ComponentVersion, string? FixedVersion, string? LocationPath, int? LocationLine,
        string VulnerabilityIds, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, DateTimeOffset? DueDate)
    {
        public Core.Workflow.WorkflowState State { get; init; }

        public string? Assignee { get; init; }

        public FindingSummary ToSummary(DateTimeOffset now) => new(
            Id, Asset, Title, Kind, Severity, Priority, Status, Component, ComponentVersion, FixedVersion,
            LocationPath is null ? null : LocationLine is { } line ? $"{LocationPath}:{line}" : LocationPath,
            ValueList.Split(VulnerabilityIds), FirstSeen, LastSeen, DueDate,
            Overdue: Status == FindingStatus.Open && DueDate < now)
        {
            State = State,
            Assignee = Assignee,
        };
    }
}
