using Microsoft.EntityFrameworkCore;
using Rampart.Core.Findings;
using Rampart.Core.Workflow;
using Rampart.Services.Security;
using Rampart.Services.Tests.Support;
using Rampart.Services.Workflow;

namespace Rampart.Services.Tests.Workflow;

/// <summary>
/// People and an imported asset for the workflow tests. The Trivy alpine report gives four findings; the asset
/// "alpine-image" is owned by team "platform".
/// <code>
/// user   roles           teams
/// lead   security-lead   -
/// eve    -               platform   (an engineer of the owning team)
/// sam    -               platform
/// mallory -              web        (no access to alpine-image)
/// </code>
/// </summary>
internal static class WorkflowFixture
{
    public const string Asset = "alpine-image";
    public const string Lead = "lead";
    public const string Engineer = "eve";
    public const string Colleague = "sam";
    public const string Outsider = "mallory";

    public static readonly DateTimeOffset Day1 = new(2025, 2, 20, 8, 0, 0, TimeSpan.Zero);

    public static async Task<List<Finding>> SetUpAsync(ServiceHarness harness)
    {
        await harness.RunAsync<UserService>(async users =>
        {
            var ct = TestContext.Current.CancellationToken;
            foreach (var (name, roles, teams) in new[] { (Lead, "security-lead", ""), (Engineer, "", "platform"), (Colleague, "", "platform"), (Outsider, "", "web") })
            {
                await users.CreateAsync(name, "a-long-password-1", isAdmin: false, ct);
                await users.SetAccessAsync(name, roles.Length == 0 ? [] : [roles], teams.Length == 0 ? [] : [teams], ct);
            }
        });
        await harness.ImportAsync(Asset, ReportVariants.Bytes(ReportVariants.TrivyAlpine), "alpine.json", scanDate: Day1);
        await harness.WithDbAsync(db => db.Assets.Where(a => a.Name == Asset)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.OwnerTeam, "platform"), TestContext.Current.CancellationToken));
        return await harness.FindingsAsync(Asset);
    }

    public static Task<FindingTransitionView> StepAsync(ServiceHarness harness, long id, WorkflowAction action, string user, string? comment = null) =>
        harness.RunAsync<FindingWorkflowService, FindingTransitionView>(s => s.TransitionAsync(id, new WorkflowStep(action, comment), user, TestContext.Current.CancellationToken));

    public static Task<Finding> FindingAsync(ServiceHarness harness, long id) =>
        harness.WithDbAsync(db => db.Findings.AsNoTracking().SingleAsync(f => f.Id == id, TestContext.Current.CancellationToken));

    public static Task<List<FindingTransition>> TransitionsAsync(ServiceHarness harness) =>
        harness.WithDbAsync(db => db.FindingTransitions.AsNoTracking().OrderBy(t => t.Id).ToListAsync(TestContext.Current.CancellationToken));

    /// <summary>The alpine report without its last vulnerability (CVE-2019-1551 in libssl1.1): the others still seen.</summary>
    public static byte[] WithoutLast() => ReportVariants.Edit(ReportVariants.TrivyAlpine, report => ReportVariants.TrivyVulnerabilities(report).RemoveAt(3));
}
