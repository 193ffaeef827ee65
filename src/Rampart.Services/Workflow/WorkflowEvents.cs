using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rampart.Data;

namespace Rampart.Services.Workflow;

/// <summary>Tells the registered <see cref="IFindingWorkflowListener"/>s of committed steps; a failing listener is logged.</summary>
public sealed partial class WorkflowEvents(IEnumerable<IFindingWorkflowListener> listeners, ILogger<WorkflowEvents> logger)
{
    private readonly IFindingWorkflowListener[] _listeners = [.. listeners];

    public bool HasListeners => _listeners.Length > 0;

    public async Task PublishAsync(IReadOnlyList<FindingTransitionEvent> transitions, CancellationToken cancellationToken)
    {
        if (_listeners.Length == 0 || transitions.Count == 0)
        {
            return;
        }

        foreach (var listener in _listeners)
        {
            try
            {
                await listener.OnTransitionsAsync(transitions, cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogListenerFailed(logger, error, listener.GetType().Name, transitions.Count);
            }
        }
    }

    /// <summary>The steps an import made (verified closed, reopened), read back after its commit; nothing is read without listeners.</summary>
    public async Task PublishScanAsync(RampartDbContext db, long scanId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_listeners.Length == 0)
        {
            return;
        }

        var rows = await db.FindingTransitions.AsNoTracking().Where(t => t.ScanId == scanId).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        await PublishAsync([.. rows.Select(t => FindingTransitionEvent.Of(t))], cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow listener {Listener} failed on {Count} transitions; the steps stay committed")]
    private static partial void LogListenerFailed(ILogger logger, Exception error, string listener, int count);
}
