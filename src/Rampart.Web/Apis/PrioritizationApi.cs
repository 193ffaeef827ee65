using Microsoft.AspNetCore.Http.HttpResults;
using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Services.Assets;
using Rampart.Services.Findings;
using Rampart.Services.Prioritization;

namespace Rampart.Web.Apis;

/// <summary>Overrides of a finding's priority, its history, asset context edits and on-demand re-decisions.</summary>
public static class PrioritizationApi
{
    public static IEndpointRouteBuilder MapPrioritizationApi(this IEndpointRouteBuilder api)
    {
        var findings = api.MapGroup("/findings").WithTags("Prioritization");
        findings.MapPut("/{id:long}/priority", SetOverrideAsync)
            .WithSummary("Override a finding's priority")
            .WithDescription("Body: {\"priority\": \"P1\"..\"P4\", \"justification\": \"why (at least 10 characters)\"}. Recorded with who and when; the computed priority is kept beside it.");
        findings.MapDelete("/{id:long}/priority", ClearOverrideAsync)
            .WithSummary("Clear a priority override: the finding returns to its computed priority");
        findings.MapGet("/{id:long}/priority-history", HistoryAsync)
            .WithSummary("Changes of a finding's priority, newest first, with their causes");

        api.MapGroup("/assets").WithTags("Assets").MapPatch("/{id:long}", UpdateAssetAsync)
            .WithSummary("Change the facts of an asset that priorities depend on; its open findings are re-decided at once")
            .WithDescription("Body (every field optional): criticality (Low|Medium|High|Critical), exposure (Isolated|Internal|Internet), "
                + "dataSensitivity (Public|Internal|Confidential|Restricted), agentTools ([\"shell\", \"email.send\"]), "
                + "agentAutonomy (None|HumanApproval|Autonomous), ownerTeam, kind, layer, upstreamProvider.");

        api.MapGroup("/prioritization").WithTags("Prioritization").MapPost("/runs", RunAsync)
            .WithSummary("Re-decide every open finding now (feeds and assets are re-read)");
        return api;
    }

    public sealed record OverrideRequest(string? Priority, string? Justification);

    public sealed record AssetContextRequest(
        string? Criticality, string? Exposure, string? DataSensitivity, IReadOnlyList<string>? AgentTools, string? AgentAutonomy,
        string? OwnerTeam, string? Kind, string? Layer, string? UpstreamProvider);

    public sealed record AssetContextResult(AssetView Asset, ReprioritizationResult Reprioritization);

    public static async Task<Results<Ok<PriorityChangeView>, ValidationProblem, ProblemHttpResult>> SetOverrideAsync(
        long id, OverrideRequest body, PriorityOverrideService overrides, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!EnumText.TryParse<Priority>(body?.Priority, out var priority) || priority is null)
        {
            errors["priority"] = [$"Give the priority as {EnumText.Choices<Priority>()}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            var change = await overrides.SetAsync(id, priority!.Value, body!.Justification, UserOf(http), cancellationToken);
            return TypedResults.Ok(View(change));
        }
        catch (PrioritizationException error)
        {
            return Problem(error);
        }
    }

    public static async Task<Results<Ok<PriorityChangeView>, ProblemHttpResult>> ClearOverrideAsync(
        long id, PriorityOverrideService overrides, HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(View(await overrides.ClearAsync(id, UserOf(http), cancellationToken)));
        }
        catch (PrioritizationException error)
        {
            return Problem(error);
        }
    }

    public static async Task<Ok<IReadOnlyList<PriorityChangeView>>> HistoryAsync(long id, FindingQueries findings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await findings.PriorityHistoryAsync(id, cancellationToken));

    public static async Task<Results<Ok<AssetContextResult>, ValidationProblem, ProblemHttpResult>> UpdateAssetAsync(
        long id, AssetContextRequest body, AssetContextService assets, FindingQueries findings, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var change = new AssetContextChange(
            Parse<Criticality>(body?.Criticality, "criticality", errors),
            Parse<Exposure>(body?.Exposure, "exposure", errors),
            Parse<DataSensitivity>(body?.DataSensitivity, "dataSensitivity", errors),
            body?.AgentTools,
            Parse<AgentAutonomy>(body?.AgentAutonomy, "agentAutonomy", errors),
            body?.OwnerTeam,
            Parse<AssetKind>(body?.Kind, "kind", errors),
            Parse<AssetLayer>(body?.Layer, "layer", errors),
            body?.UpstreamProvider);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            var (asset, result) = await assets.UpdateAsync(id, change, cancellationToken);
            var view = (await findings.ListAssetsAsync(cancellationToken)).Single(a => a.Id == asset.Id);
            return TypedResults.Ok(new AssetContextResult(view, result));
        }
        catch (PrioritizationException error)
        {
            return Problem(error);
        }
    }

    public static async Task<Ok<ReprioritizationResult>> RunAsync(IReprioritizer reprioritizer, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reprioritizer.ReprioritizeAsync(new ReprioritizationRequest($"requested by {UserOf(http)}"), cancellationToken));

    private static T? Parse<T>(string? text, string field, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (!EnumText.TryParse<T>(text, out var value))
        {
            errors[field] = [$"'{text}' is not one of {EnumText.Choices<T>()}."];
        }

        return value;
    }

    private static string UserOf(HttpContext http) => http.User.Identity?.Name is { Length: > 0 } name ? name : "unknown";

    private static PriorityChangeView View(Core.Prioritization.PriorityChange change) => new(
        change.ChangedAt, change.FromPriority, change.ToPriority, null, null, change.Cause, change.ChangedBy, change.Reasons);

    private static ProblemHttpResult Problem(PrioritizationException error) => TypedResults.Problem(
        statusCode: error.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest,
        title: error.NotFound ? "Not found" : "The change was refused",
        detail: error.Message);
}
