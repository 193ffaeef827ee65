using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rampart.Core.Policies;
using Rampart.Services.Policies;

namespace Rampart.Web.Pages.Policy;

/// <summary>/policy/diff?from=&amp;to=: the line differences between two versions' texts.</summary>
public sealed class DiffModel(PolicyQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public IReadOnlyList<PolicyDiffLine> Lines { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (From is not { } from || To is not { } to)
        {
            Error = "Choose two versions to compare: /policy/diff?from=1&to=2.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            Lines = await queries.DiffAsync(from, to, cancellationToken);
        }
        catch (PolicyNotFoundException error)
        {
            Error = error.Message;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
