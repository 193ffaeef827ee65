namespace Rampart.Core.Findings;

/// <summary>One sighting of a finding in one scan.</summary>
public sealed class Observation
{
    public long Id { get; set; }

    public long FindingId { get; set; }

    public Finding? Finding { get; set; }

    public long ScanId { get; set; }

    public Scan? Scan { get; set; }

    public DateTimeOffset SeenAt { get; set; }

    public required string Tool { get; set; }

    public Severity ToolSeverity { get; set; }

    /// <summary>The location as the tool wrote it (path:line, image target, artifact URI).</summary>
    public string? RawLocation { get; set; }

    /// <summary>A short, plain-text excerpt of the tool's message (never rendered as HTML).</summary>
    public string? Message { get; set; }
}
