namespace Rampart.Services.Tickets;

/// <summary>
/// Told when a person closed a finding's ticket in the tracker while the finding was open. The remediation workflow
/// replaces the default (<see cref="TicketClosedNotifier"/>, which tells the owner team) with "move the finding to
/// Fixed, awaiting verification"; register yours before AddRampartDelivery, which only adds the default when none is.
/// </summary>
public interface ITicketClosedHandler
{
    /// <param name="closedBy">The tracker's name for who closed it (GitHub login, Jira display name), or null when it does not say.</param>
    Task TicketClosedAsync(long findingId, string system, string key, string? closedBy, CancellationToken cancellationToken);
}
