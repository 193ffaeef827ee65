using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rampart.Services.Findings;

namespace Rampart.Web.Pages.Assets;

/// <summary>
/// One asset: its facts, model card, sources and one page of its component inventory (?page=N; "page" is a route value
/// of Razor Pages, hence the explicit query binding).
/// </summary>
public sealed class DetailModel(AssetQueries queries) : PageModel
{
    public const int PageSize = AssetQueries.DefaultPageSize;

    public AssetDetail Asset { get; private set; } = null!;

    public PageOf<ComponentView> Components { get; private set; } = new([], 1, PageSize, 0, false);

    public long PageCount => Math.Max(1, (Components.TotalCount + PageSize - 1) / PageSize);

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
