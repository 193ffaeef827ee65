namespace Rampart.Core.Policies;

/// <summary>
/// One version of the TVM policy: its Markdown text (with the parameter block) exactly as imported, and where it is in
/// its lifecycle. The text never changes after import; a change is a new version. Parameters are read from the text.
/// </summary>
public sealed class PolicyVersion
{
    public long Id { get; set; }

    /// <summary>1, 2, 3… in import order; what people and the CLI call the version.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }

    /// <summary>The document as imported (LF line endings).</summary>
    public required string Content { get; set; }

    /// <summary>SHA-256 of <see cref="Content"/>, lowercase hex.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The file name it was imported from, for messages.</summary>
    public required string FileName { get; set; }

    public PolicyStatus Status { get; set; }

    public required string Author { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>The content hash the approver approved; publishing checks the text still has it.</summary>
    public string? ApprovedHash { get; set; }

    /// <summary>The last day by which the policy must be reviewed: approval + review interval (at most 12 months).</summary>
    public DateOnly? NextReviewDue { get; set; }

    public string? PublishedBy { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>What publishing did to open findings' due dates; recorded with the publication.</summary>
    public PolicyDueDateChoice? DueDateChoice { get; set; }

    /// <summary>When it stopped being in force (superseded or retired).</summary>
    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>On publication: keep the due dates of open findings, or recompute them from the new version.</summary>
public enum PolicyDueDateChoice
{
    Keep,
    Recompute,
}
