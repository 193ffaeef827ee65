using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rampart.Services.Findings;

namespace Rampart.Web.Pages.Findings;

public sealed class DetailModel(FindingQueries queries) : PageModel
{
    public FindingDetail Finding { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } finding)
        {
            return NotFound();
        }

        Finding = finding;
        return Page();
    }
}
