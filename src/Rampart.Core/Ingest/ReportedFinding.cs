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

    public string? RuleId { get; init; }

    /// <summary>CVE, GHSA, OSV ids; the order is the tool's, duplicates removed.</summary>
    public IReadOnlyList<string> VulnerabilityIds { get; init; } = [];

    /// <summary>CWE ids normalized to "CWE-n".</summary>
    public IReadOnlyList<string> Cwes { get; init; } = [];

    public string? ComponentPurl { get; init; }

    public string? ComponentName { get; init; }

    public string? ComponentVersion { get; init; }

    public string? FixedVersion { get; init; }

    /// <summary>File path (SARIF artifact URI, Trivy misconfiguration target) or image/target name.</summary>
    public string? LocationPath { get; init; }

    public int? StartLine { get; init; }

    public Severity ToolSeverity { get; init; }

    /// <summary>CVSS vectors as given, e.g. "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H".</summary>
    public IReadOnlyList<string> CvssVectors { get; init; } = [];

    /// <summary>A tool-provided stable identity (SARIF partialFingerprints/fingerprints), used when present.</summary>
    public string? ToolFingerprint { get; init; }

    /// <summary>The tool says this result is suppressed (SARIF suppressions).</summary>
    public bool Suppressed { get; init; }

    /// <summary>The tool's message for this occurrence.</summary>
    public string? Message { get; init; }
}
