using Microsoft.EntityFrameworkCore;
using Rampart.Core.Findings;
using Rampart.Core.Policies;
using Rampart.Data;

namespace Rampart.Services.Policies;

/// <summary>What the policy pages, the API and <c>rampart policy show/diff/evidence</c> read.</summary>
public sealed class PolicyQueries(RampartDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<PolicyVersionSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.PolicyVersions.AsNoTracking()
            .OrderByDescending(v => v.Number)
            .Select(v => new PolicyVersionSummary(v.Number, v.Title, v.Status, v.Author, v.CreatedAt, v.ApprovedBy, v.ApprovedAt, v.PublishedAt, v.NextReviewDue, v.ContentHash))
            .ToListAsync(cancellationToken);

    /// <param name="number">A version number; null for the version in force.</param>
    /// <exception cref="PolicyNotFoundException">No such version, or none in force.</exception>
    public async Task<PolicyVersionDetail> GetAsync(int? number, CancellationToken cancellationToken = default)
    {
        var version = await (number is { } n
                ? db.PolicyVersions.AsNoTracking().Where(v => v.Number == n)
                : db.PolicyVersions.AsNoTracking().Where(v => v.Status == PolicyStatus.Published))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new PolicyNotFoundException(number is null ? "No policy version is in force; publish one first." : $"There is no policy version {number}.");
        var document = PolicyDocument.Parse(version.FileName, version.Content);
        var transitions = await db.PolicyTransitions.AsNoTracking().Where(t => t.PolicyVersionId == version.Id)
            .OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var acknowledgements = await db.PolicyAcknowledgements.AsNoTracking().Where(a => a.PolicyVersionId == version.Id)
            .OrderBy(a => a.At).ToListAsync(cancellationToken);
        return new PolicyVersionDetail(version, document, transitions, acknowledgements);
    }

    /// <exception cref="PolicyNotFoundException">Either version does not exist.</exception>
    public async Task<IReadOnlyList<PolicyDiffLine>> DiffAsync(int from, int to, CancellationToken cancellationToken = default)
    {
        var texts = await db.PolicyVersions.AsNoTracking().Where(v => v.Number == from || v.Number == to)
            .ToDictionaryAsync(v => v.Number, v => v.Content, cancellationToken);
        foreach (var n in new[] { from, to })
        {
            if (!texts.ContainsKey(n))
            {
                throw new PolicyNotFoundException($"There is no policy version {n}.");
            }
        }

        return PolicyDiff.Lines(texts[from], texts[to]);
    }

    /// <summary>
    /// The audit answer for the version in force (TVM-01's auditing guidelines): the approval record, who was told and
    /// who acknowledged (per team), the review history and the next review, scope coverage against the assets Rampart
    /// knows, and SLA compliance of the findings whose due dates this version set.
    /// </summary>
    /// <exception cref="PolicyNotFoundException">No version is in force.</exception>
    public async Task<PolicyEvidence> EvidenceAsync(CancellationToken cancellationToken = default)
    {
        var detail = await GetAsync(null, cancellationToken);
        var version = detail.Version;
        var parameters = detail.Document.Parameters;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var people = await PolicyAudience.PeopleAsync(db, parameters.Stakeholders, cancellationToken);
        var acknowledged = detail.Acknowledgements.Select(a => a.UserName).ToHashSet(StringComparer.Ordinal);
        var teams = parameters.Stakeholders.Teams
            .Select(team =>
            {
                var members = people.Where(p => ValueList.Split(p.TeamList).Contains(team, StringComparer.Ordinal)).Select(p => p.UserName).ToList();
                return new TeamCoverage(team, members.Count, members.Count(acknowledged.Contains));
            })
            .ToList();
        var coverage = new AcknowledgementCoverage(
            people.Count, people.Count(p => acknowledged.Contains(p.UserName)), teams,
            [.. people.Where(p => !acknowledged.Contains(p.UserName)).Select(p => p.UserName).Order(StringComparer.Ordinal)]);

        var approvals = await db.PolicyVersions.AsNoTracking().Where(v => v.ApprovedAt != null)
            .OrderBy(v => v.Number)
            .Select(v => new ReviewRecord(v.Number, v.ApprovedBy!, v.ApprovedAt!.Value, v.Status))
            .ToListAsync(cancellationToken);
        var openChanges = await db.SignificantChanges.AsNoTracking().Where(c => c.AddressedByVersionId == null)
            .OrderBy(c => c.RecordedAt).ToListAsync(cancellationToken);
        var reviewDue = openChanges.Count > 0 ? today : version.NextReviewDue;
        var review = new ReviewStatus(version.ApprovedAt, version.NextReviewDue, reviewDue, reviewDue < today, approvals, openChanges);

        var assets = await db.Assets.AsNoTracking().Select(a => new { a.Kind, a.Layer }).ToListAsync(cancellationToken);
        var assetLayers = assets.GroupBy(a => PolicyLayers.Of(a.Kind, a.Layer)).ToDictionary(g => g.Key, g => g.Count());
        var layers = Enum.GetValues<PolicyLayer>()
            .Select(layer => new LayerCoverage(
                layer,
                parameters.Scope.Layers.Contains(layer),
                parameters.Rules.TryGetValue(layer, out var rule) ? rule : null,
                assetLayers.GetValueOrDefault(layer)))
            .ToList();
        var scope = new ScopeCoverage(layers, parameters.Scope.Parties,
            [.. layers.Where(l => l.Assets > 0 && !l.InScope).Select(l => l.Layer)], detail.Document.Warnings);

        var underVersion = db.Findings.AsNoTracking().Where(f => f.PolicyVersionId == version.Id);
        var open = await underVersion.CountAsync(f => f.Status == FindingStatus.Open, cancellationToken);
        var overdue = await underVersion.CountAsync(f => f.Status == FindingStatus.Open && f.DueDate < now, cancellationToken);
        var closed = await underVersion.CountAsync(f => f.Status == FindingStatus.Fixed, cancellationToken);
        var closedOnTime = await underVersion.CountAsync(f => f.Status == FindingStatus.Fixed && f.StatusChangedAt <= f.DueDate, cancellationToken);
        var sla = new SlaCompliance(open, overdue, closed, closedOnTime,
            open + closed == 0 ? null : (double)(open - overdue + closedOnTime) / (open + closed));

        return new PolicyEvidence(version, detail.Transitions, coverage, review, scope, sla, now);
    }
}

public sealed record PolicyVersionSummary(
    int Number, string Title, PolicyStatus Status, string Author, DateTimeOffset CreatedAt, string? ApprovedBy, DateTimeOffset? ApprovedAt,
    DateTimeOffset? PublishedAt, DateOnly? NextReviewDue, string ContentHash);

public sealed record PolicyVersionDetail(
    PolicyVersion Version, PolicyDocument Document, IReadOnlyList<PolicyTransition> Transitions, IReadOnlyList<PolicyAcknowledgement> Acknowledgements);

public sealed record TeamCoverage(string Team, int Members, int Acknowledged);

/// <param name="Required">People the policy names (directly or through a team).</param>
public sealed record AcknowledgementCoverage(int Required, int Acknowledged, IReadOnlyList<TeamCoverage> ByTeam, IReadOnlyList<string> Missing);

public sealed record ReviewRecord(int Version, string ApprovedBy, DateTimeOffset ApprovedAt, PolicyStatus Status);

/// <param name="ReviewDue">The next review date: today when a significant change is open, else the yearly date.</param>
public sealed record ReviewStatus(
    DateTimeOffset? LastApproval, DateOnly? NextReviewDue, DateOnly? ReviewDue, bool Overdue, IReadOnlyList<ReviewRecord> History,
    IReadOnlyList<SignificantChange> OpenSignificantChanges);

public sealed record LayerCoverage(PolicyLayer Layer, bool InScope, LayerRule? Rule, int Assets);

/// <param name="UncoveredAssetLayers">Layers where Rampart holds assets the policy's scope leaves out.</param>
public sealed record ScopeCoverage(
    IReadOnlyList<LayerCoverage> Layers, IReadOnlyList<Rampart.Core.Assets.SsrmParty> Parties, IReadOnlyList<PolicyLayer> UncoveredAssetLayers,
    IReadOnlyList<string> Warnings);

/// <param name="Compliance">(open and not overdue + fixed on time) ÷ (open + fixed), of findings whose due dates this version set.</param>
public sealed record SlaCompliance(int Open, int Overdue, int Fixed, int FixedOnTime, double? Compliance);

public sealed record PolicyEvidence(
    PolicyVersion Version, IReadOnlyList<PolicyTransition> Transitions, AcknowledgementCoverage Acknowledgements, ReviewStatus Review,
    ScopeCoverage Scope, SlaCompliance Sla, DateTimeOffset At);
