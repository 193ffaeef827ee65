using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rampart.Core.Findings;
using Rampart.Services.Feeds;
using Rampart.Services.Findings;
using Rampart.Services.Prioritization;

namespace Rampart.Web.Pages.Findings;

public sealed class DetailModel(FindingQueries queries, PriorityOverrideService overrides, FeedQueries feeds) : PageModel
{
    /// <summary>Every loaded day's EPSS score of the finding's vulnerability (the alias with the highest score), oldest first.</summary>
    public IReadOnlyList<EpssPoint> EpssTrend { get; private set; } = [];

    public FindingDetail Finding { get; private set; } = null!;

    /// <summary>Why the last override request was refused, shown beside the form.</summary>
    public string? OverrideError { get; private set; }

    [BindProperty]
    public string? OverridePriority { get; set; }

    [BindProperty]
    public string? Justification { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostOverrideAsync(long id, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<Priority>(OverridePriority, out var priority) || !Enum.IsDefined(priority))
        {
            OverrideError = "Choose a priority (P1 to P4).";
            return await ShowAsync(id, cancellationToken);
        }

        try
        {
            await overrides.SetAsync(id, priority, Justification, User.Identity?.Name ?? "unknown", cancellationToken);
        }
        catch (PrioritizationException error)
        {
            OverrideError = error.Message;
            return await ShowAsync(id, cancellationToken);
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostClearOverrideAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            await overrides.ClearAsync(id, User.Identity?.Name ?? "unknown", cancellationToken);
        }
        catch (PrioritizationException error)
        {
            OverrideError = error.Message;
            return await ShowAsync(id, cancellationToken);
        }

        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ShowAsync(long id, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } finding)
        {
            return NotFound();
        }

        Finding = finding;
        if (finding.Prioritization?.Intel.EpssId is { } cve)
        {
            EpssTrend = await feeds.EpssHistoryAsync(cve, cancellationToken);
        }

        return Page();
    }
}
