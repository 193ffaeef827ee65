using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rampart.Core.Workflow;
using Rampart.Services.Findings;
using Rampart.Services.Workflow;
using Rampart.Web.Apis;

namespace Rampart.Web.Pages.Findings;

/// <summary>The findings list: all filter, sort and paging state is in the query string, and only one page is ever read.</summary>
public sealed class IndexModel(FindingQueries queries, BulkTriageService bulk) : PageModel
{
    /// <summary>What the last bulk action did, or why it was refused (then nothing changed).</summary>
    public string? BulkMessage { get; private set; }

    public bool BulkFailed { get; private set; }

    [BindProperty]
    public BulkOperation? BulkOperation { get; set; }

    [BindProperty]
    public string? BulkAssignee { get; set; }

    [BindProperty]
    public string? BulkComment { get; set; }

    [BindProperty]
    public string? BulkJustification { get; set; }

    public FindingListQuery Query { get; private set; } = new();

    public FindingFilter Filter { get; private set; } = new();

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public PageOf<FindingSummary> Results { get; private set; } = new([], 1, FindingListQuery.DefaultPageSize, 0, false);

    public IReadOnlyList<AssetView> Assets { get; private set; } = [];

    public long PageCount => Math.Max(1, (Results.TotalCount + Results.PageSize - 1) / Results.PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = FindingListQuery.FromQuery(Request.Query);
        Assets = await queries.ListAssetsAsync(cancellationToken);
        var filter = Query.ToFilter(out var errors);
        Errors = errors;
        if (filter is not null)
        {
            Filter = filter;
            Results = await queries.ListAsync(filter, cancellationToken);
        }
    }

    /// <summary>
    /// Bulk triage: the action applies to every finding the list's filter (in the query string) selects, not only this
    /// page, all or nothing, at most <see cref="BulkTriageService.MaxFindings"/>.
    /// </summary>
    public async Task<IActionResult> OnPostBulkAsync(CancellationToken cancellationToken)
    {
        var query = FindingListQuery.FromQuery(Request.Query);
        var filter = query.ToFilter(out var errors);
        try
        {
            if (filter is null)
            {
                throw new WorkflowRuleException("The filter could not be applied: " + string.Join(" ", errors.SelectMany(e => e.Value)));
            }

            if (BulkOperation is not { } operation || !Enum.IsDefined(operation))
            {
                throw new WorkflowRuleException("Choose what to do with the selected findings.");
            }

            VexJustification? justification = null;
            if (operation == Services.Workflow.BulkOperation.NotAffected)
            {
                justification = VexJustifications.TryParse(BulkJustification, out var parsed)
                    ? parsed
                    : throw new WorkflowRuleException($"Choose why they are not affected: {VexJustifications.Choices}.");
            }

            var result = await bulk.ApplyAsync(
                new BulkRequest(filter, operation, BulkAssignee, BulkComment, justification), User.Identity?.Name ?? "unknown", cancellationToken);
            BulkMessage = $"{operation}: {result.Changed} of {result.Selected} selected findings changed.";
        }
        catch (Exception error) when (error is WorkflowRuleException or WorkflowNotFoundException)
        {
            BulkMessage = error.Message;
            BulkFailed = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    /// <summary>This list's address with the current filters and some changes.</summary>
    public string Link(FindingSort? sort = null, bool? descending = null, int? page = null)
    {
        var query = new QueryBuilder();
        Add(query, "asset", Filter.Asset);
        Add(query, "status", Filter.Status?.ToString());
        Add(query, "priority", Filter.Priority?.ToString());
        Add(query, "severity", Filter.Severity?.ToString());
        Add(query, "q", Filter.Search);
        Add(query, "overdue", Filter.Overdue?.ToString());
        var effectiveSort = sort ?? Filter.Sort;
        if (effectiveSort != FindingSort.Priority)
        {
            query.Add("sort", effectiveSort.ToString());
        }

        if (descending ?? Filter.Descending)
        {
            query.Add("desc", "true");
        }

        if (Filter.PageSize != FindingListQuery.DefaultPageSize)
        {
            query.Add("pageSize", Filter.PageSize.ToString(CultureInfo.InvariantCulture));
        }

        var targetPage = page ?? Filter.Page;
        if (targetPage > 1)
        {
            query.Add("page", targetPage.ToString(CultureInfo.InvariantCulture));
        }

        return "/findings" + query.ToQueryString();
    }

    /// <summary>Where the bulk form posts: this filter, and the bulk handler.</summary>
    public string BulkLink()
    {
        var link = Link(page: 1);
        return link + (link.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=Bulk";
    }

    /// <summary>A column header's link: the first click sorts by it, the next reverses the order; paging restarts.</summary>
    public string SortLink(FindingSort column) => Link(column, Filter.Sort == column && !Filter.Descending, page: 1);

    public string? AriaSort(FindingSort column) =>
        Filter.Sort != column ? null : Filter.Descending ? "descending" : "ascending";

    /// <summary>The page numbers to offer around the current one.</summary>
    public IEnumerable<long> NearbyPages()
    {
        var first = Math.Max(1, Filter.Page - 2);
        var last = Math.Min(PageCount, Filter.Page + 2);
        for (var page = first; page <= last; page++)
        {
            yield return page;
        }
    }

    private static void Add(QueryBuilder query, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add(key, value);
        }
    }
}
