using Rampart.Services.Tickets;

namespace Rampart.Services.Tests.Tickets;

/// <summary>Stands in for the remediation workflow's handler: records each call.</summary>
internal sealed class RecordingTicketClosedHandler : ITicketClosedHandler
{
    public List<(long FindingId, string System, string Key, string? ClosedBy)> Calls { get; } = [];

    public Task TicketClosedAsync(long findingId, string system, string key, string? closedBy, CancellationToken cancellationToken)
    {
        Calls.Add((findingId, system, key, closedBy));
        return Task.CompletedTask;
    }
}
