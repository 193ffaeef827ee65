using Microsoft.EntityFrameworkCore;
using Rampart.Core.Findings;
using Rampart.Core.Workflow;
using Rampart.Data;

namespace Rampart.Services.Workflow;

/// <summary>"My work": the open findings a user must fix next, most urgent first, then by due date.</summary>
public sealed class WorkQueries(RampartDbContext db, TimeProvider clock)
{
    public const int MaxItems = 500;

    /// <param name="includeTeam">Also the unassigned open findings of assets the user's teams own.</param>
    /// <param name="limit">1 to <see cref="MaxItems"/>.</param>
    public async Task<IReadOnlyList<WorkItem>> MineAsync(string userName, bool includeTeam = false, int limit = 100, CancellationToken cancellationToken = default)
    {
        var user = await WorkflowUsers.ActorAsync(db, userName, cancellationToken);
        if (limit is < 1 or > MaxItems)
        {
            throw new WorkflowRuleException($"The limit must be from 1 to {MaxItems}.");
        }

        var name = user.UserName;
        List<string> teams = includeTeam ? [.. ValueList.Split(user.TeamList)] : [];
        var query = db.Findings.AsNoTracking().Where(f => f.Status == FindingStatus.Open
            && (f.Assignee == name || (f.Assignee == null && f.Asset!.OwnerTeam != null && teams.Contains(f.Asset.OwnerTeam))));
        var rows = await query
            .OrderBy(f => f.Priority).ThenBy(f => f.DueDate == null).ThenBy(f => f.DueDate).ThenBy(f => f.Id)
            .Take(limit)
            .Select(f => new { f.Id, Asset = f.Asset!.Name, f.Title, f.Priority, f.Severity, f.State, f.Assignee, f.Asset.OwnerTeam, f.DueDate })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. rows.Select(r => new WorkItem(
            r.Id, r.Asset, r.Title, r.Priority, r.Severity, r.State, FindingWorkflow.Name(r.State), r.Assignee, r.OwnerTeam, r.DueDate, r.DueDate < now))];
    }
}
