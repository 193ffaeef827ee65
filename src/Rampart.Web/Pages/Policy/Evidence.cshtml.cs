using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rampart.Core.Policies;
using Rampart.Services.Policies;
using Rampart.Web.Apis;

namespace Rampart.Web.Pages.Policy;

/// <summary>/policy/evidence: the audit answer for the version in force, and the form to record a significant change.</summary>
public sealed class EvidenceModel(PolicyService policies, PolicyQueries queries) : PageModel
{
    public PolicyEvidence? Evidence { get; private set; }

    /// <summary>No version in force, or why recording a change was refused (nothing changed).</summary>
    public string? Error { get; private set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var kind = PolicyApi.TryParseKind(Kind, out var parsed) ? parsed : throw new PolicyRuleException("Choose the kind of change.");
            await policies.RecordSignificantChangeAsync(kind, Description ?? "", User.Identity?.Name ?? "unknown", cancellationToken);
            return RedirectToPage();
        }
        catch (PolicyRuleException error)
        {
            await LoadAsync(cancellationToken);
            Error = error.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Evidence = await queries.EvidenceAsync(cancellationToken);
        }
        catch (PolicyNotFoundException error)
        {
            Error = error.Message;
        }
    }
}
