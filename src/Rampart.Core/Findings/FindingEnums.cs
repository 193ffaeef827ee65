namespace Rampart.Core.Findings;

/// <summary>Qualitative severity, ordered so that a larger value is worse (CVSS v3.1 spec §5 bands).</summary>
public enum Severity
{
    Info,
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>
/// Where a finding stands, coarsely: the indexed column the lists filter on. Derived from the detailed
/// <see cref="Workflow.WorkflowState"/> by <see cref="Workflow.FindingWorkflow.StatusOf"/>; values are stored as text.
/// </summary>
public enum FindingStatus
{
    Open,
    Fixed,
    RiskAccepted,
    FalsePositive,
    NotAffected,

    /// <summary>The same weakness as another finding (<see cref="Finding.DuplicateOfId"/>).</summary>
    Duplicate,
}

/// <summary>What sort of weakness a finding is; decides how its fingerprint is built.</summary>
public enum FindingKind
{
    /// <summary>A known vulnerability (CVE/GHSA/OSV) in a component at a version.</summary>
    Vulnerability,

    /// <summary>A code weakness reported by a static analyser at a location.</summary>
    Code,

    /// <summary>An insecure configuration (IaC, Kubernetes, Dockerfile).</summary>
    Misconfiguration,

    /// <summary>A secret committed to a file or image layer.</summary>
    Secret,

    /// <summary>A weakness a dynamic scanner (DAST, e.g. OWASP ZAP) observed in a running application.</summary>
    Dast,

    /// <summary>A model behaviour an AI red-teaming tool (garak, promptfoo) provoked: jailbreak, injection, leak.</summary>
    AiRedTeam,
}

/// <summary>P1 is the most urgent.</summary>
public enum Priority
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}
