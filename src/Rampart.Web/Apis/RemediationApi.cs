using Microsoft.AspNetCore.Http.HttpResults;
using Rampart.Core.Security;
using Rampart.Core.Workflow;
using Rampart.Services.Security;
using Rampart.Services.Workflow;

namespace Rampart.Web.Apis;

/// <summary>
/// The remediation clock over HTTP: the escalation steps that reached a finding, stopping and restarting its clock while
/// a fix waits on a vendor (when the policy allows it), and running the hourly check now.
/// </summary>
public static class RemediationApi
{
    public static RouteGroupBuilder MapRemediationApi(this IEndpointRouteBuilder api)
    {
        var findings = api.MapGroup("/findings").WithTags("Remediation").AddEndpointFilter(FindingWorkflowApi.WorkflowProblems.Filter)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        findings.MapGet("/{id:long}/escalations", EscalationsAsync)
            .WithSummary("The escalation steps that reached the finding: days from the due date, the policy's recipient, whom it told, when");
        findings.MapGet("/{id:long}/sla/pauses", PausesAsync).WithSummary("Every stop of the finding's remediation clock, with the due date before and after");
        findings.MapPost("/{id:long}/sla/pause", PauseAsync)
            .WithSummary("Stop the clock while the fix waits on a vendor (only when the policy in force allows it)")
            .WithDescription("Body: {\"reason\": \"which vendor and why\"}. A stopped clock is neither breached nor escalated.");
        findings.MapPost("/{id:long}/sla/resume", ResumeAsync).WithSummary("Restart the clock: the due date moves on by the time it stood still");

        var remediation = api.MapGroup("/remediation").WithTags("Remediation").AddEndpointFilter(FindingWorkflowApi.WorkflowProblems.Filter)
            .ProducesProblem(StatusCodes.Status409Conflict);
        remediation.MapPost("/checks", RunChecksAsync)
            .WithSummary("Run the hourly check now (admins and security leads): end expired risk acceptances, then execute the escalation chain");
        return findings;
    }

    public sealed record PauseRequest(string? Reason);

    public sealed record ChecksResult(int RiskAcceptancesEnded, EscalationRunResult Escalations);

    public static async Task<Ok<IReadOnlyList<Escalation>>> EscalationsAsync(long id, EscalationService escalations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await escalations.ForFindingAsync(id, cancellationToken));

    public static async Task<Ok<IReadOnlyList<SlaPause>>> PausesAsync(long id, SlaService sla, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sla.PausesAsync(id, cancellationToken));

    public static async Task<Ok<SlaPause>> PauseAsync(long id, PauseRequest? body, SlaService sla, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sla.PauseAsync(id, PolicyApi.UserOf(http), body?.Reason ?? "", cancellationToken));

    public static async Task<Ok<SlaPause>> ResumeAsync(long id, SlaService sla, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sla.ResumeAsync(id, PolicyApi.UserOf(http), cancellationToken));

    public static async Task<Ok<ChecksResult>> RunChecksAsync(
        UserService users, RiskAcceptanceService acceptances, EscalationService escalations, HttpContext http, CancellationToken cancellationToken)
    {
        var name = PolicyApi.UserOf(http);
        var user = (await users.ListAsync(cancellationToken)).FirstOrDefault(u => u.UserName == name);
        if (user is null || !(user.IsAdmin || user.HasRole(Roles.SecurityLead)))
        {
            throw new WorkflowRuleException($"{name} may not run the remediation checks: that takes an admin or a security lead.");
        }

        var ended = await acceptances.ExpireAsync(cancellationToken);
        return TypedResults.Ok(new ChecksResult(ended, await escalations.RunAsync(cancellationToken)));
    }
}
