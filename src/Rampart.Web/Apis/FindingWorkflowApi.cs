using Microsoft.AspNetCore.Http.HttpResults;
using Rampart.Core.Workflow;
using Rampart.Services.Workflow;

namespace Rampart.Web.Apis;

/// <summary>
/// The remediation workflow (CSA AICM AIS-07) over HTTP: steps, assignment, risk acceptance, due diligence, bulk triage
/// and "my work". Every step is taken as the signed-in user (an API token is not a user and is refused). Refusals are
/// RFC 9457 problems: 400 malformed input, 404 no such finding or acceptance, 409 a step the rules refuse.
/// </summary>
public static class FindingWorkflowApi
{
    public static RouteGroupBuilder MapFindingWorkflowApi(this IEndpointRouteBuilder api)
    {
        var findings = api.MapGroup("/findings").WithTags("Remediation").AddEndpointFilter(WorkflowProblems.Filter)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        findings.MapGet("/mine", MineAsync)
            .WithSummary("My work: open findings assigned to the signed-in user, most urgent first, then by due date")
            .WithDescription("team=true adds the unassigned open findings of assets the user's teams own; limit 1..500 (default 100).");
        findings.MapGet("/{id:long}/workflow", WorkflowAsync)
            .WithSummary("Where a finding stands: state, assignee, owner team, AIS-07 accountable party, allowed steps, history, acceptances, due diligence");
        findings.MapGet("/{id:long}/history", HistoryAsync).WithSummary("The finding's recorded steps, oldest first (who, when, why)");
        findings.MapPost("/{id:long}/transitions", TransitionAsync)
            .WithSummary("Take a workflow step")
            .WithDescription("Body: {\"action\": \"triage|start|fix|verify|reopen|false-positive|not-affected|duplicate\", \"comment\": \"why\", "
                + "\"justification\": \"component_not_present|vulnerable_code_not_present|vulnerable_code_not_in_execute_path|vulnerable_code_cannot_be_controlled_by_adversary|inline_mitigations_already_exist\" (not-affected), "
                + "\"duplicateOf\": 12 (duplicate)}. verify needs an admin or security lead and a note; reopen and false-positive need a comment.");
        findings.MapPost("/{id:long}/assign", AssignAsync)
            .WithSummary("Assign the finding to a user with access to its asset (admin, security lead, or member of the owner team)")
            .WithDescription("Body: {\"assignee\": \"alice\", \"comment\": \"why\"}; an empty assignee unassigns.");
        findings.MapPost("/{id:long}/risk-acceptances", RequestAcceptanceAsync)
            .WithSummary("Request risk acceptance; another person holding one of the policy's approver roles approves it")
            .WithDescription("Body: {\"justification\": \"…\", \"compensatingControls\": \"…\", \"until\": \"2026-03-01T00:00:00Z\"}; until at most the policy's maximum days away.");
        findings.MapGet("/{id:long}/due-diligence", DueDiligenceAsync).WithSummary("The due-diligence item on the upstream provider (404 when the asset needs none)");
        findings.MapPut("/{id:long}/due-diligence", UpdateDueDiligenceAsync)
            .WithSummary("Record the vendor contact, answer and fix date")
            .WithDescription("Body: {\"status\": \"Open|VendorContacted|WaitingOnVendor|VendorFixed|Closed\", \"contact\": \"security@vendor\", \"contactedAt\": \"…\", \"vendorAnswer\": \"…\", \"vendorFixDate\": \"2026-04-01\"}; absent fields stay.");
        findings.MapPost("/bulk", BulkAsync)
            .WithSummary($"One action on every finding a filter selects (at most {BulkTriageService.MaxFindings:N0}), all or nothing")
            .WithDescription("Body: {\"filter\": {asset, status, priority, severity, q, overdue} as in GET /findings, \"action\": \"assign|triage|start|false-positive|not-affected|accept-request\", "
                + "\"assignee\", \"comment\", \"justification\", \"until\", \"compensatingControls\"}. If any finding refuses, nothing changes and the problem names the first few.");

        var acceptances = api.MapGroup("/risk-acceptances").WithTags("Remediation").AddEndpointFilter(WorkflowProblems.Filter)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        acceptances.MapGet("/", ListAcceptancesAsync).WithSummary("Risk acceptances, newest first (status=Requested|Approved|Rejected|Expired)");
        acceptances.MapPost("/{id:long}/approve", ApproveAsync).WithSummary("Approve a request (not your own; a role the policy names)");
        acceptances.MapPost("/{id:long}/reject", RejectAsync).WithSummary("Reject a request, with the reason");
        return findings;
    }

    public sealed record TransitionRequest(string? Action, string? Comment, string? Justification, long? DuplicateOf);

    public sealed record AssignRequest(string? Assignee, string? Comment);

    public sealed record AcceptanceRequest(string? Justification, string? CompensatingControls, DateTimeOffset? Until);

    public sealed record DecisionRequest(string? Comment);

    public sealed record DueDiligenceRequest(string? Status, string? Contact, DateTimeOffset? ContactedAt, string? VendorAnswer, DateOnly? VendorFixDate);

    public sealed record BulkBody(
        FindingListQuery? Filter, string? Action, string? Assignee, string? Comment, string? Justification, DateTimeOffset? Until, string? CompensatingControls);

    public static async Task<Results<Ok<IReadOnlyList<WorkItem>>, ValidationProblem>> MineAsync(
        string? team, string? limit, WorkQueries work, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var max = FindingListQuery.ParseInt(limit, "limit", 1, WorkQueries.MaxItems, errors) ?? 100;
        var withTeam = false;
        if (!string.IsNullOrWhiteSpace(team) && !bool.TryParse(team, out withTeam))
        {
            errors["team"] = [$"'{team}' is not true or false."];
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await work.MineAsync(PolicyApi.UserOf(http), withTeam, max, cancellationToken));
    }

    public static async Task<Ok<FindingWorkflowView>> WorkflowAsync(long id, FindingWorkflowService workflow, CancellationToken cancellationToken) =>
        TypedResults.Ok(await workflow.GetAsync(id, cancellationToken));

    public static async Task<Ok<IReadOnlyList<FindingTransitionView>>> HistoryAsync(long id, FindingWorkflowService workflow, CancellationToken cancellationToken) =>
        TypedResults.Ok(await workflow.HistoryAsync(id, cancellationToken));

    public static async Task<Results<Ok<FindingTransitionView>, ValidationProblem>> TransitionAsync(
        long id, TransitionRequest? body, FindingWorkflowService workflow, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!FindingWorkflow.TryParseAction(body?.Action, out var action) || action == WorkflowAction.AcceptRisk)
        {
            errors["action"] = [$"'{body?.Action}' is not a step; use {WorkflowActions}. Risk acceptance is requested at /findings/{{id}}/risk-acceptances."];
        }

        var justification = Justification(body?.Justification, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await workflow.TransitionAsync(
            id, new WorkflowStep(action, body?.Comment, justification, body?.DuplicateOf), PolicyApi.UserOf(http), cancellationToken));
    }

    public static async Task<Results<Ok<FindingWorkflowView>, ValidationProblem>> AssignAsync(
        long id, AssignRequest? body, FindingWorkflowService workflow, HttpContext http, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["assignee"] = ["Give the assignee (empty to unassign)."] });
        }

        await workflow.AssignAsync(id, body.Assignee, PolicyApi.UserOf(http), body.Comment, cancellationToken);
        return TypedResults.Ok(await workflow.GetAsync(id, cancellationToken));
    }

    public static async Task<Results<Created<RiskAcceptanceView>, ValidationProblem>> RequestAcceptanceAsync(
        long id, AcceptanceRequest? body, RiskAcceptanceService acceptances, HttpContext http, CancellationToken cancellationToken)
    {
        if (body?.Until is not { } until)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["until"] = ["Say until when the risk is accepted (ISO 8601)."] });
        }

        var created = await acceptances.RequestAsync(id, body.Justification, body.CompensatingControls, until, PolicyApi.UserOf(http), cancellationToken);
        return TypedResults.Created($"/api/v1/findings/{id}/workflow", created);
    }

    public static async Task<Ok<IReadOnlyList<RiskAcceptanceView>>> ListAcceptancesAsync(string? status, RiskAcceptanceService acceptances, CancellationToken cancellationToken) =>
        TypedResults.Ok(await acceptances.ListAsync(EnumText.TryParse<RiskAcceptanceStatus>(status, out var wanted) ? wanted : null, cancellationToken));

    public static async Task<Ok<RiskAcceptanceView>> ApproveAsync(long id, DecisionRequest? body, RiskAcceptanceService acceptances, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await acceptances.ApproveAsync(id, PolicyApi.UserOf(http), body?.Comment, cancellationToken));

    public static async Task<Ok<RiskAcceptanceView>> RejectAsync(long id, DecisionRequest? body, RiskAcceptanceService acceptances, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await acceptances.RejectAsync(id, PolicyApi.UserOf(http), body?.Comment, cancellationToken));

    public static async Task<Ok<DueDiligenceView>> DueDiligenceAsync(long id, DueDiligenceService diligence, CancellationToken cancellationToken) =>
        TypedResults.Ok(await diligence.GetAsync(id, cancellationToken));

    public static async Task<Results<Ok<DueDiligenceView>, ValidationProblem>> UpdateDueDiligenceAsync(
        long id, DueDiligenceRequest? body, DueDiligenceService diligence, HttpContext http, CancellationToken cancellationToken)
    {
        if (!EnumText.TryParse<DueDiligenceStatus>(body?.Status, out var status))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"'{body?.Status}' is not a status; use {EnumText.Choices<DueDiligenceStatus>()}."] });
        }

        var update = new DueDiligenceUpdate(status, body?.Contact, body?.ContactedAt, body?.VendorAnswer, body?.VendorFixDate);
        return TypedResults.Ok(await diligence.UpdateAsync(id, update, PolicyApi.UserOf(http), cancellationToken));
    }

    public static async Task<Results<Ok<BulkResult>, ValidationProblem>> BulkAsync(
        BulkBody? body, BulkTriageService bulk, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = (body?.Filter ?? new FindingListQuery()).ToFilter(out var filterErrors);
        foreach (var (key, value) in filterErrors)
        {
            errors["filter." + key] = value;
        }

        BulkOperation? operation = body?.Action?.Trim().ToLowerInvariant() switch
        {
            "assign" => BulkOperation.Assign,
            "triage" => BulkOperation.Triage,
            "start" => BulkOperation.Start,
            "false-positive" => BulkOperation.FalsePositive,
            "not-affected" => BulkOperation.NotAffected,
            "accept-request" => BulkOperation.AcceptRequest,
            _ => null,
        };
        if (operation is null)
        {
            errors["action"] = [$"'{body?.Action}' is not a bulk action; use assign, triage, start, false-positive, not-affected or accept-request."];
        }

        var justification = Justification(body?.Justification, errors);
        if (errors.Count > 0 || filter is null || operation is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var request = new BulkRequest(filter, operation.Value, body!.Assignee, body.Comment, justification, body.Until, body.CompensatingControls);
        return TypedResults.Ok(await bulk.ApplyAsync(request, PolicyApi.UserOf(http), cancellationToken));
    }

    private static readonly string WorkflowActions =
        string.Join(", ", Enum.GetValues<WorkflowAction>().Where(a => a != WorkflowAction.AcceptRisk).Select(FindingWorkflow.ActionName));

    private static VexJustification? Justification(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (VexJustifications.TryParse(text, out var justification))
        {
            return justification;
        }

        errors["justification"] = [$"'{text}' is not a VEX justification; use {VexJustifications.Choices}."];
        return null;
    }

    /// <summary>Workflow refusals as problems: 404 for what does not exist, 409 for a step the rules refuse.</summary>
    internal static class WorkflowProblems
    {
        public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            try
            {
                return await next(context);
            }
            catch (WorkflowNotFoundException error)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: error.Message);
            }
            catch (WorkflowRuleException error)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The workflow step was refused", detail: error.Message);
            }
        }
    }
}
