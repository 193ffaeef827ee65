namespace Rampart.Core.Findings;

/// <summary>
/// What one source (an asset's tool and scope) says about one finding. Two tools reporting the same weakness give
/// one finding with two observations. A rescan that sees the finding again writes nothing unless the tool's view
/// changed: while <see cref="Present"/>, the observation was seen by its source's latest scan.
/// </summary>
public sealed class Observation
{
    public long Id { get; set; }

    public long FindingId { get; set; }

    public Finding? Finding { get; set; }

    public long SourceId { get; set; }

    public Source? Source { get; set; }

    /// <summary>The scan that first reported it through this source.</summary>
    public long FirstScanId { get; set; }

    /// <summary>The scan that last changed this observation (first sighting, new content, gone, back).</summary>
    public long LastScanId { get; set; }

    public DateTimeOffset FirstSeen { get; set; }

    /// <summary>When it was last seen; while present, the source's latest scan date is the truer value.</summary>
    public DateTimeOffset LastSeen { get; set; }

    /// <summary>True while the source's latest scan reports it.</summary>
    public bool Present { get; set; }

    public required string Tool { get; set; }

    public Severity ToolSeverity { get; set; }

    /// <summary>The location as the tool wrote it (path:line, image target, URL).</summary>
    public string? RawLocation { get; set; }

    /// <summary>A short, plain-text excerpt of the tool's message (never rendered as HTML).</summary>
    public string? Message { get; set; }

    /// <summary>How many times the latest report counted it (DAST instances, failing red-team attempts).</summary>
    public int Occurrences { get; set; } = 1;

    /// <summary>Evidence as JSON <c>[{"label":…,"text":…}]</c>, a few clipped items; plain text when shown.</summary>
    public string? Evidence { get; set; }

    /// <summary>Hash of what the tool said (fields above and the finding's descriptive fields): unchanged means no write.</summary>
    public long ContentHash { get; set; }
}
