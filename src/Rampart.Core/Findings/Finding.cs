using Rampart.Core.Assets;

namespace Rampart.Core.Findings;

/// <summary>One distinct weakness on one asset, identified by its fingerprint; it lives across many scans.</summary>
public sealed class Finding
{
    public long Id { get; set; }

    public long AssetId { get; set; }

    public Asset? Asset { get; set; }

    /// <summary>Lower-case hex SHA-256 of the canonical identity (see <see cref="FindingFingerprint"/>); unique per asset.</summary>
    public required string Fingerprint { get; set; }

    /// <summary>
    /// The fingerprint's first 64 bits as a number: the indexed identity (unique per asset). A small integer key keeps
    /// the index in memory at millions of findings, where the 64-character text would not. Two different weaknesses
    /// of one asset share a key with probability about n²/2⁶⁵ (3·10⁻⁸ at a million findings).
    /// </summary>
    public long FingerprintKey { get; set; }

    public FindingKind Kind { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    /// <summary>The reporting tool's rule id (SARIF ruleId, Trivy misconfiguration id), when there is one.</summary>
    public string? RuleId { get; set; }

    /// <summary>Space-separated vulnerability ids, the preferred (CVE) first; see <see cref="ValueList"/>.</summary>
    public string VulnerabilityIds { get; set; } = "";

    /// <summary>Space-separated CWE ids in the form "CWE-79".</summary>
    public string Cwes { get; set; } = "";

    /// <summary>Space-separated taxonomy tags ("OWASP-LLM:LLM01:2025", "ATLAS:AML.T0051").</summary>
    public string Tags { get; set; } = "";

    public string? ComponentPurl { get; set; }

    public string? ComponentName { get; set; }

    public string? ComponentVersion { get; set; }

    public string? FixedVersion { get; set; }

    public string? LocationPath { get; set; }

    public int? LocationLine { get; set; }

    public Severity ToolSeverity { get; set; }

    /// <summary>Space-separated CVSS vectors as the tools gave them.</summary>
    public string CvssVectors { get; set; } = "";

    /// <summary>The score the severity was taken from, when a vector could be scored.</summary>
    public double? CvssScore { get; set; }

    /// <summary>The severity Rampart uses: from CVSS when a vector is present, else the tool's.</summary>
    public Severity Severity { get; set; }

    /// <summary>The priority in effect: a person's override when there is one, else <see cref="ComputedPriority"/>.</summary>
    public Priority Priority { get; set; }

    /// <summary>What Rampart decided (see <see cref="Prioritization.Prioritizer"/>); shown beside an override.</summary>
    public Priority ComputedPriority { get; set; }

    /// <summary>Newline-separated path of the computed decision: a one-line summary, then one line per decision point.</summary>
    public string PriorityReasons { get; set; } = "";

    /// <summary>The SSVC outcome of the computed decision, when it went through the tree.</summary>
    public Prioritization.Ssvc.SsvcOutcome? Ssvc { get; set; }

    /// <summary>The exploitation the computed decision assumed (KEV, EPSS, exploit maturity, attack success).</summary>
    public Prioritization.Ssvc.Exploitation? Exploitation { get; set; }

    /// <summary>When the computed decision was last changed (first decision, rescan or re-decision).</summary>
    public DateTimeOffset? PriorityDecidedAt { get; set; }

    /// <summary>A person's priority, set with a justification; it wins over the computed one until cleared.</summary>
    public Priority? PriorityOverride { get; set; }

    public string? PriorityOverrideReason { get; set; }

    public string? PriorityOverrideBy { get; set; }

    public DateTimeOffset? PriorityOverrideAt { get; set; }

    /// <summary>For red-team findings: failing attempts ÷ attempts (0–1), when the tool gave both.</summary>
    public double? AttackSuccessRate { get; set; }

    /// <summary>The coarse status; always <see cref="Workflow.FindingWorkflow.StatusOf"/> of <see cref="State"/>.</summary>
    public FindingStatus Status { get; set; }

    /// <summary>Where the finding stands in remediation; every change is a <see cref="Workflow.FindingTransition"/>.</summary>
    public Workflow.WorkflowState State { get; set; }

    /// <summary>The user name of the person who must fix it, if assigned (someone with access to the asset).</summary>
    public string? Assignee { get; set; }

    /// <summary>For a <see cref="Workflow.WorkflowState.Duplicate"/>: the finding it duplicates.</summary>
    public long? DuplicateOfId { get; set; }

    /// <summary>For a <see cref="Workflow.WorkflowState.NotAffected"/>: why (CISA / OpenVEX justification), for VEX output.</summary>
    public Workflow.VexJustification? NotAffectedJustification { get; set; }

    public DateTimeOffset FirstSeen { get; set; }

    /// <summary>
    /// Last seen as of the finding's last change (new, reopened, gone, changed). While an observation is present,
    /// its source's latest scan date is later; queries show the later of the two.
    /// </summary>
    public DateTimeOffset LastSeen { get; set; }

    public DateTimeOffset StatusChangedAt { get; set; }

    public DateTimeOffset? DueDate { get; set; }

    /// <summary>Since when the remediation clock is stopped (waiting on a vendor, when the policy allows it); see <see cref="Workflow.SlaPause"/>.</summary>
    public DateTimeOffset? SlaPausedAt { get; set; }

    /// <summary>The policy version whose timeframes set <see cref="DueDate"/>; null for Rampart's defaults (no policy in force).</summary>
    public long? PolicyVersionId { get; set; }

    public ICollection<Observation> Observations { get; } = [];

    /// <summary>The <see cref="FingerprintKey"/> of a lower-case hex fingerprint.</summary>
    public static long KeyOf(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        return unchecked((long)ulong.Parse(fingerprint.AsSpan(0, 16), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture));
    }
}
