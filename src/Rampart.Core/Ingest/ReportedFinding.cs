using Rampart.Core.Findings;

namespace Rampart.Core.Ingest;

/// <summary>
/// One result as a parser read it from a report, normalized across formats. Parsers produce these and know
/// nothing of the database; the import use case correlates them into <see cref="Finding"/>s.
/// All text here comes from a scanner and is untrusted: it is stored and shown as plain text only.
/// </summary>
public sealed record ReportedFinding
{
    public required FindingKind Kind { get; init; }

    /// <summary>The tool that produced the result (SARIF driver name, "Trivy", the CycloneDX tool name).</summary>
    public required string Tool { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>The tool's rule id (SARIF ruleId, ZAP plugin id, garak probe/detector pair).</summary>
    public string? RuleId { get; init; }

    /// <summary>CVE, GHSA, OSV ids and their aliases; the order is the tool's, duplicates removed.</summary>
    public IReadOnlyList<string> VulnerabilityIds { get; init; } = [];

    /// <summary>CWE ids normalized to "CWE-n".</summary>
    public IReadOnlyList<string> Cwes { get; init; } = [];

    /// <summary>
    /// Taxonomy tags in the form "SCHEME:ID": "OWASP-LLM:LLM01:2025", "ATLAS:AML.T0051", "OWASP:A03:2021".
    /// Only tags the tool's own metadata supports; never guessed from free text.
    /// </summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? ComponentPurl { get; init; }

    public string? ComponentName { get; init; }

    public string? ComponentVersion { get; init; }

    public string? FixedVersion { get; init; }

    /// <summary>File path (SARIF artifact URI), image/target name, URL (DAST) or model name (red-teaming).</summary>
    public string? LocationPath { get; init; }

    public int? StartLine { get; init; }

    /// <summary>The code at the location (SARIF region snippet), used for matching when there is no fingerprint.</summary>
    public string? Snippet { get; init; }

    public Severity ToolSeverity { get; init; }

    /// <summary>CVSS vectors as given, e.g. "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H".</summary>
    public IReadOnlyList<string> CvssVectors { get; init; } = [];

    /// <summary>For AI red-team results: failing attempts ÷ attempts (0–1), when the tool gives both counts.</summary>
    public double? AttackSuccessRate { get; init; }

    /// <summary>A tool-provided stable identity (SARIF partialFingerprints/fingerprints), used when present.</summary>
    public string? ToolFingerprint { get; init; }

    /// <summary>The tool says this result is suppressed (SARIF suppressions).</summary>
    public bool Suppressed { get; init; }

    /// <summary>The VEX/analysis state the report gives, when it gives one (CycloneDX analysis, OpenVEX).</summary>
    public FindingStatus? AnalysisStatus { get; init; }

    /// <summary>The tool's message for this occurrence.</summary>
    public string? Message { get; init; }

    /// <summary>How many times the tool saw this weakness in this report (ZAP instances, garak failing attempts).</summary>
    public int Occurrences { get; init; } = 1;

    /// <summary>
    /// Supporting evidence, most useful first: DAST instances (method + URL + parameter), red-team prompts and
    /// outputs, attack success rates. The import keeps the first few, each clipped.
    /// </summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
}

/// <summary>One piece of evidence for a finding: a short label ("prompt", "output", "GET https://…") and its text.</summary>
public sealed record Evidence(string Label, string Text);
