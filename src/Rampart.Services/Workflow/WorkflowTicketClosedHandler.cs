using Rampart.Services.Tickets;

namespace Rampart.Services.Workflow;

/// <summary>
/// The product's answer to a ticket a person closed in GitHub or Jira (issue 6, two-way tickets): the finding moves to
/// Fixed (awaiting verification), recorded as done by the ticket ("github:7 by octocat"), and the next scan of its scope
/// verifies it closed or reopens it. A finding already marked fixed or closed is left as it is.
/// </summary>
public sealed class WorkflowTicketClosedHandler(FindingWorkflowService workflow) : ITicketClosedHandler
{
    public async Task TicketClosedAsync(long findingId, string system, string key, string? closedBy, CancellationToken cancellationToken)
    {
        var by = $"{system}:{key} by {closedBy ?? "someone"}";
        await workflow.MarkFixedAsync(findingId, by.Length <= 200 ? by : by[..200], $"the {system} ticket {key} was closed", cancellationToken);
    }
}
