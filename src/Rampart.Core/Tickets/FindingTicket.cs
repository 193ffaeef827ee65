namespace Rampart.Core.Tickets;

/// <summary>
/// The ticket a finding has in an issue tracker (GitHub Issues, Jira), and what Rampart last knew of it: the state
/// it last saw or set, and a hash of the fields it last wrote, so a sync writes only what changed.
/// </summary>
public sealed class FindingTicket
{
    public long Id { get; set; }

    public long FindingId { get; set; }

    /// <summary>"github" or "jira" (see <see cref="TicketSystems"/>).</summary>
    public required string System { get; set; }

    /// <summary>The tracker's id: an issue number ("42") or a Jira key ("SEC-12").</summary>
    public required string Key { get; set; }

    /// <summary>Where a person opens the ticket.</summary>
    public required string Url { get; set; }

    public TicketState State { get; set; }

    /// <summary>SHA-256 (hex) of the title, labels, priority and due date last written to the ticket.</summary>
    public required string ContentHash { get; set; }

    /// <summary>Set when a person (not Rampart) closed the ticket; Rampart then leaves it closed until the finding changes.</summary>
    public DateTimeOffset? ClosedExternallyAt { get; set; }

    public string? ClosedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSyncedAt { get; set; }
}

/// <summary>A ticket's state as Rampart sees it (GitHub open/closed; Jira's status category done or not).</summary>
public enum TicketState
{
    Open,
    Closed,
}

/// <summary>The tracker names stored in <see cref="FindingTicket.System"/>.</summary>
public static class TicketSystems
{
    public const string GitHub = "github";
    public const string Jira = "jira";
}
