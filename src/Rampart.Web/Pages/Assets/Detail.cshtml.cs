using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rampart.Services.Assets;
using Rampart.Services.Findings;
using Rampart.Services.Prioritization;

namespace Rampart.Web.Pages.Assets;

/// <summary>
/// One asset: its facts, model card, sources and one page of its component inventory (?page=N; "page" is a route value
/// of Razor Pages, hence the explicit query binding).
/// </summary>
public sealed class DetailModel(AssetQueries queries, AssetContextService context) : PageModel
{
    [BindProperty]
    public AssetContextForm Context { get; set; } = new();

    /// <summary>The outcome of the last context edit, or why it was refused.</summary>
    public string? ContextMessage { get; private set; }

    public bool ContextRefused { get; private set; }

    public const int PageSize = AssetQueries.DefaultPageSize;

    public AssetDetail Asset { get; private set; } = null!;

    public PageOf<ComponentView> Components { get; private set; } = new([], 1, PageSize, 0, false);

    public long PageCount => Math.Max(1, (Components.TotalCount + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnPostContextAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            var (_, result) = await context.UpdateAsync(id, Context.ToChange(), cancellationToken);
            ContextMessage = $"Saved: {result.Examined} open findings re-decided, {result.Changed} changed, {result.BecameP1} became P1.";
        }
        catch (PrioritizationException error)
        {
            ContextRefused = true;
            ContextMessage = error.Message;
        }

        return await OnGetAsync(id, null, cancellationToken);
    }

    public async Task<IActionResult> OnGetAsync(long id, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } asset)
        {
            return NotFound();
        }

        Asset = asset;
        Components = await queries.ListComponentsAsync(id, Math.Max(1, pageNumber ?? 1), PageSize, cancellationToken) ?? Components;
        return Page();
    }

    public string Link(long page) =>
        page <= 1 ? $"/assets/{Asset.Asset.Id}" : $"/assets/{Asset.Asset.Id}?page={page.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
