using Rampart.Core.Tickets;

namespace Rampart.Services.Tickets;

/// <summary>An issue tracker Rampart keeps tickets in (GitHub Issues, Jira).</summary>
public interface ITicketTracker
{
    /// <summary>Stored in <see cref="FindingTicket.System"/> (see <see cref="TicketSystems"/>).</summary>
    string System { get; }

    Task<TicketReference> CreateAsync(TicketContent content, CancellationToken cancellationToken);

    /// <summary>Writes the title, description, labels, priority and due date.</summary>
    Task UpdateAsync(string key, TicketContent content, CancellationToken cancellationToken);

    /// <summary>Closes or reopens the ticket.</summary>
    Task SetStateAsync(string key, TicketState state, CancellationToken cancellationToken);

    /// <summary>The ticket's state in the tracker, and who closed it when it is closed (if the tracker says).</summary>
    Task<RemoteTicket> GetAsync(string key, CancellationToken cancellationToken);
}

public sealed record TicketReference(string Key, string Url);

public sealed record RemoteTicket(TicketState State, string? ClosedBy);

/// <summary>The tracker refused or failed a request; the message names the tracker, the request and its answer (never the token).</summary>
public sealed class TicketTrackerException : Exception
{
    public TicketTrackerException()
    {
    }

    public TicketTrackerException(string message)
        : base(message)
    {
    }

    public TicketTrackerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
