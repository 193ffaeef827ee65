using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Workflow;
using Rampart.Data;
using Rampart.Services.Tests.Support;
using Rampart.Services.Tickets;
using Rampart.Services.Workflow;
using Rampart.Testing;

namespace Rampart.Services.Tests.Workflow;

/// <summary>
/// Two-way tickets end to end in the product's registrations: a ticket closed by a person marks the finding fixed
/// (awaiting verification), and the next scan of the same scope that no longer reports it verifies it closed.
/// Trivy's alpine 3.10 scan (corpus) has 4 vulnerabilities; the rescan drops the first.
/// </summary>
public sealed class TicketClosedWorkflowTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TicketClosed_MarksFixed_ThenTheRescanWithoutItVerifiesIt(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await harness.ImportAsync("alpine", ReportVariants.Bytes(ReportVariants.TrivyAlpine), "alpine.json");
        var finding = (await harness.FindingsAsync("alpine"))[0];

        var handlerType = await harness.RunAsync<ITicketClosedHandler, Type>(h => Task.FromResult(h.GetType()));
        await harness.RunAsync<ITicketClosedHandler>(h => h.TicketClosedAsync(finding.Id, "github", "7", "octocat", TestContext.Current.CancellationToken));
        await harness.RunAsync<ITicketClosedHandler>(h => h.TicketClosedAsync(finding.Id, "github", "7", "octocat", TestContext.Current.CancellationToken));
        var afterTicket = (await harness.FindingsAsync("alpine"))[0].State;

        harness.Clock.Advance(TimeSpan.FromDays(1));
        var rescan = ReportVariants.Edit(ReportVariants.TrivyAlpine, report => ReportVariants.TrivyVulnerabilities(report).RemoveAt(0));
        await harness.ImportAsync("alpine", rescan, "alpine.json", scanDate: harness.Clock.GetUtcNow());
        var afterScan = (await harness.FindingsAsync("alpine"))[0].State;
        var steps = await harness.WithDbAsync(db => db.FindingTransitions.AsNoTracking().Where(t => t.FindingId == finding.Id).OrderBy(t => t.Id)
            .Select(t => new { t.Kind, t.By, t.ToState }).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal(typeof(WorkflowTicketClosedHandler), handlerType);
        Assert.Equal(WorkflowState.FixedAwaitingVerification, afterTicket);
        Assert.Equal(WorkflowState.VerifiedClosed, afterScan);
        // The ticket's step is recorded once (the second close changes nothing), then the scan's verification.
        var workflowSteps = steps.Where(s => s.Kind is TransitionKind.MarkFixed or TransitionKind.ScanVerified).ToList();
        Assert.Equal(
            [(TransitionKind.MarkFixed, WorkflowState.FixedAwaitingVerification), (TransitionKind.ScanVerified, WorkflowState.VerifiedClosed)],
            workflowSteps.Select(s => (s.Kind, s.ToState)));
        Assert.Equal("github:7 by octocat", workflowSteps[0].By);
    }
}
