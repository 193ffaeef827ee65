using Rampart.Core.Assets;
using Rampart.Core.Findings;

namespace Rampart.Services.Findings;

public enum FindingSort
{
    Priority,
    Severity,
    DueDate,
    LastSeen,
    FirstSeen,
    Title,
    Asset,
}

/// <summary>A filter over findings. Page is 1-based; PageSize is capped at 500.</summary>
public sealed record FindingFilter(
    string? Asset = null,
    FindingStatus? Status = null,
    Priority? Priority = null,
    Severity? Severity = null,
    string? Search = null,
    bool? Overdue = null,
    FindingSort Sort = FindingSort.Priority,
    bool Descending = false,
    int Page = 1,
    int PageSize = 50);

/// <summary>A page of results. <see cref="HasMore"/> is exact; <see cref="TotalCount"/> too.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalCount, bool HasMore);

public sealed record FindingSummary(
    long Id,
    string Asset,
    string Title,
    FindingKind Kind,
    Severity Severity,
    Priority Priority,
    FindingStatus Status,
    string? Component,
    string? ComponentVersion,
    string? FixedVersion,
    string? Location,
    IReadOnlyList<string> VulnerabilityIds,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    DateTimeOffset? DueDate,
    bool Overdue)
{
    /// <summary>Where it stands in remediation (the detail behind <see cref="Status"/>).</summary>
    public Core.Workflow.WorkflowState State { get; init; }

    public string? Assignee { get; init; }
}

/// <summary>
/// One source's view of a finding. <see cref="SeenAt"/> is the last time that source saw it: while
/// <see cref="Present"/>, the date of the source's latest scan.
/// </summary>
public sealed record ObservationView(
    long Id,
    long ScanId,
    DateTimeOffset SeenAt,
    string Tool,
    Severity ToolSeverity,
    string? RawLocation,
    string? Message)
{
    public string Scope { get; init; } = "";

    public DateTimeOffset FirstSeen { get; init; }

    public bool Present { get; init; }

    public int Occurrences { get; init; } = 1;

    /// <summary>Evidence items (label, text) as the tool gave them; plain text, never HTML.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Evidence { get; init; } = [];
}

public sealed record FindingDetail(
    FindingSummary Summary,
    string? Description,
    string? RuleId,
    IReadOnlyList<string> Cwes,
    string? ComponentPurl,
    int? LocationLine,
    Severity ToolSeverity,
    IReadOnlyList<string> CvssVectors,
    double? CvssScore,
    IReadOnlyList<string> PriorityReasons,
    string Fingerprint,
    DateTimeOffset StatusChangedAt,
    AssetView AssetDetails,
    IReadOnlyList<ObservationView> Observations)
{
    /// <summary>Taxonomy tags as the tools gave them ("OWASP-LLM:LLM01:2025", "ATLAS:AML.T0051", "WASC:13"); CWE ids are in <see cref="Cwes"/>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The decision with its path, the override beside it, and the feeds' current intel.</summary>
    public PriorityView? Prioritization { get; init; }

    /// <summary>Changes of priority, newest first (at most <see cref="FindingQueries.MaxPriorityChanges"/>).</summary>
    public IReadOnlyList<PriorityChangeView> PriorityHistory { get; init; } = [];

    /// <summary>Red-team findings: failing attempts ÷ attempts.</summary>
    public double? AttackSuccessRate { get; init; }
}

public sealed record AssetView(
    long Id,
    string Name,
    AssetKind Kind,
    AssetLayer Layer,
    SsrmParty AccountableParty,
    string? OwnerTeam,
    Criticality Criticality,
    Exposure Exposure,
    DataSensitivity DataSensitivity,
    string? UpstreamProvider,
    int OpenFindings)
{
    /// <summary>The version the asset is at (a model's or dataset's version from an ML-BOM), when known.</summary>
    public string? Version { get; init; }

    /// <summary>Tools an AI agent on the asset can call; empty when none.</summary>
    public IReadOnlyList<string> AgentTools { get; init; } = [];

    public AgentAutonomy AgentAutonomy { get; init; }
}
