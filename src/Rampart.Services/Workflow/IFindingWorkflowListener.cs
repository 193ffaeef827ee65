using Rampart.Core.Workflow;

namespace Rampart.Services.Workflow;

/// <summary>
/// Hears of each committed workflow step (ticket sync, webhooks, e-mail): register with
/// <c>services.TryAddEnumerable(ServiceDescriptor.Scoped&lt;IFindingWorkflowListener, MyListener&gt;())</c>. Called after the
/// step's transaction committed; a listener that throws is logged and does not undo the step.
/// </summary>
public interface IFindingWorkflowListener
{
    Task OnTransitionsAsync(IReadOnlyList<FindingTransitionEvent> transitions, CancellationToken cancellationToken);
}

/// <summary>One committed step, as listeners see it.</summary>
public sealed record FindingTransitionEvent(
    long TransitionId, long FindingId, WorkflowState From, WorkflowState To, TransitionKind Kind, string By, DateTimeOffset At, string? Comment)
{
    public long? ScanId { get; init; }

    public string? Assignee { get; init; }

    public static FindingTransitionEvent Of(FindingTransition t, string? assignee = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Id, t.FindingId, t.FromState, t.ToState, t.Kind, t.By, t.At, t.Comment) { ScanId = t.ScanId, Assignee = assignee };
    }
}
