using System.Globalization;
using Rampart.Core.Findings;
using Rampart.Services.Findings;

namespace Rampart.Web.Apis;

/// <summary>
/// The findings filter as it appears in a query string (<c>/api/v1/findings</c> and the <c>/findings</c> page share it):
/// asset, status, priority, severity, q, overdue, sort, desc, page, pageSize. Kept as text so that a bad value
/// becomes a clear 400 problem rather than a binding failure.
/// </summary>
public sealed record FindingListQuery
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 500;

    public string? Asset { get; init; }

    public string? Status { get; init; }

    public string? Priority { get; init; }

    public string? Severity { get; init; }

    public string? Q { get; init; }

    public string? Overdue { get; init; }

    public string? Sort { get; init; }

    public string? Desc { get; init; }

    public string? Page { get; init; }

    public string? PageSize { get; init; }

    public static FindingListQuery FromQuery(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new FindingListQuery
        {
            Asset = query["asset"],
            Status = query["status"],
            Priority = query["priority"],
            Severity = query["severity"],
            Q = query["q"],
            Overdue = query["overdue"],
            Sort = query["sort"],
            Desc = query["desc"],
            Page = query["page"],
            PageSize = query["pageSize"],
        };
    }

    /// <summary>The filter, or the errors keyed by query parameter.</summary>
    public FindingFilter? ToFilter(out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (!EnumText.TryParse<FindingStatus>(Status, out var status))
        {
            errors["status"] = [$"'{Status}' is not a status; use {EnumText.Choices<FindingStatus>()}."];
        }

        if (!EnumText.TryParse<Priority>(Priority, out var priority))
        {
            errors["priority"] = [$"'{Priority}' is not a priority; use {EnumText.Choices<Priority>()}."];
        }

        if (!EnumText.TryParse<Severity>(Severity, out var severity))
        {
            errors["severity"] = [$"'{Severity}' is not a severity; use {EnumText.Choices<Severity>()}."];
        }

        if (!EnumText.TryParse<FindingSort>(Sort, out var sort))
        {
            errors["sort"] = [$"'{Sort}' is not a sort order; use {EnumText.Choices<FindingSort>()}."];
        }

        var overdue = ParseBool(Overdue, "overdue", errors);
        var descending = ParseBool(Desc, "desc", errors) ?? false;
        var page = ParseInt(Page, "page", 1, int.MaxValue, errors) ?? 1;
        var pageSize = ParseInt(PageSize, "pageSize", 1, MaxPageSize, errors) ?? DefaultPageSize;
        if (errors.Count > 0)
        {
            return null;
        }

        return new FindingFilter(
            Asset: Blank(Asset),
            Status: status,
            Priority: priority,
            Severity: severity,
            Search: Blank(Q),
            Overdue: overdue,
            Sort: sort ?? FindingSort.Priority,
            Descending: descending,
            Page: page,
            PageSize: pageSize);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool? ParseBool(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        errors[name] = [$"'{text}' is not true or false."];
        return null;
    }

    internal static int? ParseInt(string? text, string name, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [$"'{text}' is not a whole number from {min} to {max}."];
        return null;
    }
}
