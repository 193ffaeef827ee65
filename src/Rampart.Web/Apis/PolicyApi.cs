using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Rampart.Core.Policies;
using Rampart.Services.Policies;

namespace Rampart.Web.Apis;

/// <summary>
/// The TVM policy (CSA AICM TVM-01) over HTTP: versions, their lifecycle steps, diffs and the audit evidence. Every
/// step is taken as the signed-in user, so it has to be a Rampart user (an API token is not one and is refused).
/// </summary>
public static class PolicyApi
{
    private const string DefaultFileName = "policy.md";

    public static RouteGroupBuilder MapPolicyApi(this IEndpointRouteBuilder api)
    {
        // The services refuse with exceptions; one filter turns them into problems for every endpoint of the group.
        var group = api.MapGroup("/policies").WithTags("Policy").AddEndpointFilter(PolicyProblems.Filter)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync).WithSummary("Every policy version, newest first, with its status");
        group.MapPost("/", ImportAsync)
            .WithSummary("Import a policy document as a new draft version")
            .WithDescription("Body: the Markdown document with its YAML front matter as text/markdown (the file name may be given as ?fileName=), "
                + "or JSON {\"fileName\": \"tvm-policy.md\", \"text\": \"---\\ntitle: …\"}. A document that cannot be read is 400, naming the file and line.")
            .Accepts<ImportRequest>("application/json", "text/markdown", "text/plain");
        group.MapGet("/current", CurrentAsync).WithSummary("The version in force (404 when none is published)");
        group.MapGet("/evidence", EvidenceAsync)
            .WithSummary("Audit evidence for the version in force: approval, acknowledgement coverage, review, scope, SLA compliance");
        group.MapPost("/changes", RecordChangeAsync)
            .WithSummary("Record a significant change: the policy is due for review now")
            .WithDescription("Body: {\"kind\": \"new-asset-layer|new-regulation|major-incident|other\", \"description\": \"what changed\"}.");
        group.MapGet("/{number}", GetAsync).WithSummary("One version: status, raw Markdown body, parameters, warnings, transitions and acknowledgements");
        group.MapGet("/{from}/diff/{to}", DiffAsync).WithSummary("The line differences between two versions' texts (kind ' ', '+' or '-')");
        MapStep(group, "submit", "Submit a draft for review", (s, n, user, comment, ct) => s.SubmitAsync(n, user, comment, ct));
        MapStep(group, "approve", "Approve a version in review (an approver who is not its author)", (s, n, user, comment, ct) => s.ApproveAsync(n, user, comment, ct));
        MapStep(group, "reject", "Send a version in review back to draft (the comment says why)", (s, n, user, comment, ct) => s.RejectAsync(n, user, comment ?? "", ct));
        MapStep(group, "retire", "Retire a version (the comment says why)", (s, n, user, comment, ct) => s.RetireAsync(n, user, comment ?? "", ct));
        group.MapPost("/{number}/publish", PublishAsync)
            .WithSummary("Bring an approved version into force; the version in force is superseded")
            .WithDescription("Body: {\"dueDates\": \"keep\"|\"recompute\", \"comment\": \"why\"}: keep open findings' due dates or recompute them from this version.");
        group.MapPost("/{number}/acknowledge", AcknowledgeAsync)
            .WithSummary("Acknowledge, as the signed-in user, that you have read the version in force (a second time changes nothing)");
        return group;
    }

    public sealed record ImportRequest(string? FileName, string? Text);

    public sealed record StepRequest(string? Comment);

    public sealed record PublishRequest(string? DueDates, string? Comment);

    public sealed record ChangeRequest(string? Kind, string? Description);

    public static async Task<Ok<IReadOnlyList<PolicyVersionSummary>>> ListAsync(PolicyQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListAsync(cancellationToken));

    public static async Task<Results<Created<PolicyDetailView>, ValidationProblem>> ImportAsync(
        HttpRequest request, PolicyService policies, PolicyQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (fileName, text, error) = await ReadDocumentAsync(request, cancellationToken);
        if (error is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [error] });
        }

        var version = await policies.ImportAsync(fileName, text!, UserOf(request.HttpContext), null, cancellationToken);
        var detail = PolicyDetailView.Of(await queries.GetAsync(version.Number, cancellationToken));
        return TypedResults.Created($"/api/v1/policies/{version.Number}", detail);
    }

    public static async Task<Ok<PolicyDetailView>> GetAsync(int number, PolicyQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(PolicyDetailView.Of(await queries.GetAsync(number, cancellationToken)));

    public static async Task<Ok<PolicyDetailView>> CurrentAsync(PolicyQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(PolicyDetailView.Of(await queries.GetAsync(null, cancellationToken)));

    public static async Task<Ok<IReadOnlyList<PolicyDiffLine>>> DiffAsync(int from, int to, PolicyQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.DiffAsync(from, to, cancellationToken));

    public static async Task<Ok<PolicyEvidenceView>> EvidenceAsync(PolicyQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(PolicyEvidenceView.Of(await queries.EvidenceAsync(cancellationToken)));

    public static async Task<Results<Ok<PolicyPublicationView>, ValidationProblem>> PublishAsync(
        int number, PublishRequest? body, PolicyService policies, HttpContext http, CancellationToken cancellationToken)
    {
        if (!EnumText.TryParse<PolicyDueDateChoice>(body?.DueDates, out var dueDates) || dueDates is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["dueDates"] = ["Say what happens to open findings' due dates: \"keep\" or \"recompute\"."],
            });
        }

        var result = await policies.PublishAsync(number, UserOf(http), dueDates.Value, body?.Comment, cancellationToken);
        return TypedResults.Ok(new PolicyPublicationView(
            result.Version.Number, result.Superseded, result.DueDatesRecomputed, result.Notified, PolicyVersionView.Of(result.Version)));
    }

    public static async Task<Ok<PolicyAcknowledgementView>> AcknowledgeAsync(int number, PolicyService policies, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await policies.AcknowledgeAsync(number, UserOf(http), cancellationToken);
        var acknowledgement = result.Acknowledgement;
        return TypedResults.Ok(new PolicyAcknowledgementView(acknowledgement.UserName, acknowledgement.At, acknowledgement.ContentHash, result.AlreadyAcknowledged));
    }

    public static async Task<Results<Created<SignificantChangeView>, ValidationProblem>> RecordChangeAsync(
        ChangeRequest? body, PolicyService policies, HttpContext http, CancellationToken cancellationToken)
    {
        if (!TryParseKind(body?.Kind, out var kind))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["kind"] = ["Give the kind of change: new-asset-layer, new-regulation, major-incident or other."],
            });
        }

        var change = await policies.RecordSignificantChangeAsync(kind, body?.Description ?? "", UserOf(http), cancellationToken);
        return TypedResults.Created("/api/v1/policies/evidence", SignificantChangeView.Of(change));
    }

    /// <summary>Kinds are written as in the policy ("major-incident") or as the enum ("MajorIncident").</summary>
    public static bool TryParseKind(string? text, out SignificantChangeKind kind)
    {
        kind = default;
        if (!EnumText.TryParse<SignificantChangeKind>(text?.Replace("-", "", StringComparison.Ordinal), out var parsed) || parsed is null)
        {
            return false;
        }

        kind = parsed.Value;
        return true;
    }

    /// <summary>The name a step is recorded under: the signed-in user (an API token's name is "token:NAME", which is no user).</summary>
    public static string UserOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.Identity?.Name is { Length: > 0 } name ? name : "unknown";
    }

    private static void MapStep(
        RouteGroupBuilder group, string name, string summary, Func<PolicyService, int, string, string?, CancellationToken, Task<PolicyVersion>> step) =>
        group.MapPost($"/{{number}}/{name}", async Task<Ok<PolicyVersionView>> (
                int number, StepRequest? body, PolicyService policies, HttpContext http, CancellationToken cancellationToken) =>
            TypedResults.Ok(PolicyVersionView.Of(await step(policies, number, UserOf(http), body?.Comment, cancellationToken))))
            .WithName("Policy" + char.ToUpperInvariant(name[0]) + name[1..])
            .WithSummary(summary)
            .WithDescription("Body (optional for submit and approve): {\"comment\": \"why\"}. Recorded with who, when and the text's hash.");

    /// <returns>The file name and text, or why the body could not be taken as a policy document.</returns>
    private static async Task<(string FileName, string? Text, string? Error)> ReadDocumentAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var queryName = request.Query["fileName"].ToString();
        var fileName = string.IsNullOrWhiteSpace(queryName) ? DefaultFileName : queryName;
        if (request.ContentLength > PolicyService.MaxDocumentBytes * 2L)
        {
            return (fileName, null, $"The body is {request.ContentLength:N0} bytes; a policy document is at most {PolicyService.MaxDocumentBytes:N0}.");
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[(PolicyService.MaxDocumentBytes * 2) + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        if (read == buffer.Length)
        {
            return (fileName, null, $"The body is larger than a policy document may be ({PolicyService.MaxDocumentBytes:N0} bytes).");
        }

        var body = new string(buffer, 0, read);
        if (request.HasJsonContentType())
        {
            ImportRequest? json;
            try
            {
                json = JsonSerializer.Deserialize<ImportRequest>(body, JsonSerializerOptions.Web);
            }
            catch (JsonException error)
            {
                return (fileName, null, $"The JSON body could not be read: {error.Message}");
            }

            if (string.IsNullOrEmpty(json?.Text))
            {
                return (fileName, null, "Give the policy document as \"text\" (Markdown with YAML front matter).");
            }

            return (string.IsNullOrWhiteSpace(json.FileName) ? fileName : json.FileName, json.Text, null);
        }

        return body.Length == 0
            ? (fileName, null, "The body is empty: send the policy document (Markdown with YAML front matter).")
            : (fileName, body, null);
    }
    /// <summary>A version as the API shows it (never the entity).</summary>
    public sealed record PolicyVersionView(
        int Number, string Title, PolicyStatus Status, string StatusName, string FileName, string Author, DateTimeOffset CreatedAt,
        string? ApprovedBy, DateTimeOffset? ApprovedAt, string? ApprovedHash, string ContentHash, string? PublishedBy, DateTimeOffset? PublishedAt,
        PolicyDueDateChoice? DueDateChoice, DateOnly? NextReviewDue, DateTimeOffset? EndedAt)
    {
        public static PolicyVersionView Of(PolicyVersion v)
        {
            ArgumentNullException.ThrowIfNull(v);
            return new(v.Number, v.Title, v.Status, PolicyLifecycle.Name(v.Status), v.FileName, v.Author, v.CreatedAt, v.ApprovedBy, v.ApprovedAt,
                v.ApprovedHash, v.ContentHash, v.PublishedBy, v.PublishedAt, v.DueDateChoice, v.NextReviewDue, v.EndedAt);
        }
    }

    public sealed record PolicyTransitionView(PolicyStatus? From, PolicyStatus To, string By, DateTimeOffset At, string? Comment, string ContentHash)
    {
        public static PolicyTransitionView Of(PolicyTransition t)
        {
            ArgumentNullException.ThrowIfNull(t);
            return new(t.FromStatus, t.ToStatus, t.By, t.At, t.Comment, t.ContentHash);
        }
    }

    public sealed record PolicyAcknowledgementView(string UserName, DateTimeOffset At, string ContentHash, bool? AlreadyAcknowledged = null);

    /// <param name="Body">The Markdown after the front matter, as written (not rendered).</param>
    public sealed record PolicyDetailView(
        PolicyVersionView Version, string Body, PolicyParameters Parameters, IReadOnlyList<string> Warnings,
        IReadOnlyList<PolicyTransitionView> Transitions, IReadOnlyList<PolicyAcknowledgementView> Acknowledgements)
    {
        public static PolicyDetailView Of(PolicyVersionDetail detail)
        {
            ArgumentNullException.ThrowIfNull(detail);
            return new(
                PolicyVersionView.Of(detail.Version), detail.Document.Body, detail.Document.Parameters, detail.Document.Warnings,
                [.. detail.Transitions.Select(PolicyTransitionView.Of)],
                [.. detail.Acknowledgements.Select(a => new PolicyAcknowledgementView(a.UserName, a.At, a.ContentHash))]);
        }
    }

    /// <param name="Superseded">The version that left force, if one was in force.</param>
    public sealed record PolicyPublicationView(int Number, int? Superseded, int DueDatesRecomputed, int Notified, PolicyVersionView Version);

    public sealed record SignificantChangeView(long Id, SignificantChangeKind Kind, string Description, string? RecordedBy, DateTimeOffset RecordedAt, PolicyLayer? Layer)
    {
        public static SignificantChangeView Of(SignificantChange c)
        {
            ArgumentNullException.ThrowIfNull(c);
            return new(c.Id, c.Kind, c.Description, c.RecordedBy, c.RecordedAt, c.Layer);
        }
    }

    public sealed record EvidenceVersion(int Number, string Title, string ContentHash, DateTimeOffset? PublishedAt, string? PublishedBy, PolicyDueDateChoice? DueDateChoice);

    public sealed record EvidenceApproval(string Author, string? ApprovedBy, DateTimeOffset? ApprovedAt, string? ApprovedHash, bool HashMatches);

    public sealed record EvidenceReview(
        DateTimeOffset? LastApproval, DateOnly? NextReviewDue, DateOnly? ReviewDue, bool Overdue, IReadOnlyList<ReviewRecord> History,
        IReadOnlyList<SignificantChangeView> OpenSignificantChanges);

    /// <summary>The same shape as <c>rampart policy evidence --json</c>.</summary>
    public sealed record PolicyEvidenceView(
        EvidenceVersion Version, EvidenceApproval Approval, AcknowledgementCoverage Acknowledgements, EvidenceReview Review, ScopeCoverage Scope,
        SlaCompliance Sla, IReadOnlyList<PolicyTransitionView> Transitions, DateTimeOffset At)
    {
        public static PolicyEvidenceView Of(PolicyEvidence e)
        {
            ArgumentNullException.ThrowIfNull(e);
            var v = e.Version;
            return new(
                new EvidenceVersion(v.Number, v.Title, v.ContentHash, v.PublishedAt, v.PublishedBy, v.DueDateChoice),
                new EvidenceApproval(v.Author, v.ApprovedBy, v.ApprovedAt, v.ApprovedHash, v.ApprovedHash == v.ContentHash),
                e.Acknowledgements,
                new EvidenceReview(e.Review.LastApproval, e.Review.NextReviewDue, e.Review.ReviewDue, e.Review.Overdue, e.Review.History,
                    [.. e.Review.OpenSignificantChanges.Select(SignificantChangeView.Of)]),
                e.Scope,
                e.Sla,
                [.. e.Transitions.Select(PolicyTransitionView.Of)],
                e.At);
        }
    }

    /// <summary>Refusals as RFC 9457 problems: 404 no such version, 400 a document that cannot be read (file and line), 409 a step the rules refuse.</summary>
    private static class PolicyProblems
    {
        public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            try
            {
                return await next(context);
            }
            catch (PolicyNotFoundException error)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: error.Message);
            }
            catch (PolicyFormatException error)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "The policy document could not be read",
                    detail: error.Message,
                    extensions: new Dictionary<string, object?> { ["fileName"] = error.FileName, ["line"] = error.Line, ["reason"] = error.Reason });
            }
            catch (PolicyRuleException error)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The policy step was refused", detail: error.Message);
            }
        }
    }
}
