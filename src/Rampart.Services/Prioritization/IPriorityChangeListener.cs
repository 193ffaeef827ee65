using Rampart.Core.Prioritization;

namespace Rampart.Services.Prioritization;

/// <summary>
/// Told of priority changes once they are committed (re-decisions, overrides). The remediation workflow subscribes
/// here to notify when a finding became P1 (<see cref="PriorityChange.BecameP1"/>); every change is also kept in the
/// PriorityChanges table, which a listener on another node or a later job can read from its own cursor.
/// </summary>
public interface IPriorityChangeListener
{
    Task OnPriorityChangedAsync(IReadOnlyList<PriorityChange> changes, CancellationToken cancellationToken);
}
