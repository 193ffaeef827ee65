using Microsoft.AspNetCore.Mvc.RazorPages;
using Rampart.Core.Workflow;
using Rampart.Services.Workflow;

namespace Rampart.Web.Pages.Work;

/// <summary>/work: what the signed-in user must fix next (assigned to them, then their teams' unassigned), most urgent first.</summary>
public sealed class IndexModel(WorkQueries work) : PageModel
{
    public IReadOnlyList<WorkItem> Items { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Items = await work.MineAsync(User.Identity?.Name ?? "unknown", includeTeam: true, limit: 200, cancellationToken: cancellationToken);
        }
        catch (WorkflowRuleException error)
        {
            Error = error.Message;
        }
    }
}
