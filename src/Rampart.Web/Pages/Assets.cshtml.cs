using Microsoft.AspNetCore.Mvc.RazorPages;
using Rampart.Services.Findings;

namespace Rampart.Web.Pages;

public sealed class AssetsModel(FindingQueries queries) : PageModel
{
    public IReadOnlyList<AssetView> Assets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Assets = await queries.ListAssetsAsync(cancellationToken);
}
