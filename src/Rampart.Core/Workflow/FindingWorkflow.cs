using Rampart.Core.Findings;

namespace Rampart.Core.Workflow;

/// <summary>
/// The remediation workflow's rules, pure: which action may move a finding from which state, the coarse status each
/// state stands for, and what a scan does to a state. Open states are New, Triaged, In progress and Fixed (awaiting
/// verification); every other state is closed and leaves only through <see cref="WorkflowAction.Reopen"/>.
/// </summary>
public static class FindingWorkflow
{
    /// <summary>The state an action leads to (the same whatever the state it starts from).</summary>
    public static WorkflowState TargetOf(WorkflowAction action) => action switch
    {
        WorkflowAction.Triage => WorkflowState.Triaged,
        WorkflowAction.Start => WorkflowState.InProgress,
        WorkflowAction.MarkFixed => WorkflowState.FixedAwaitingVerification,
        WorkflowAction.Verify => WorkflowState.VerifiedClosed,
        WorkflowAction.Reopen => WorkflowState.Triaged,
        WorkflowAction.AcceptRisk => WorkflowState.RiskAccepted,
        WorkflowAction.MarkFalsePositive => WorkflowState.FalsePositive,
        WorkflowAction.MarkNotAffected => WorkflowState.NotAffected,
        WorkflowAction.MarkDuplicate => WorkflowState.Duplicate,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown workflow action."),
    };

    public static bool IsOpen(WorkflowState state) => state is WorkflowState.New or WorkflowState.Triaged
        or WorkflowState.InProgress or WorkflowState.FixedAwaitingVerification;

    /// <summary>Whether <paramref name="action"/> is allowed from <paramref name="from"/>.</summary>
    public static bool IsAllowed(WorkflowState from, WorkflowAction action) => action switch
    {
        WorkflowAction.Triage => from == WorkflowState.New,
        WorkflowAction.Start => from is WorkflowState.New or WorkflowState.Triaged or WorkflowState.FixedAwaitingVerification,
        WorkflowAction.MarkFixed => from is WorkflowState.New or WorkflowState.Triaged or WorkflowState.InProgress,
        WorkflowAction.Verify => from == WorkflowState.FixedAwaitingVerification,
        WorkflowAction.Reopen => !IsOpen(from),
        WorkflowAction.AcceptRisk or WorkflowAction.MarkFalsePositive or WorkflowAction.MarkNotAffected or WorkflowAction.MarkDuplicate => IsOpen(from),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown workflow action."),
    };

    /// <summary>The actions allowed from <paramref name="from"/>, in declaration order.</summary>
    public static IReadOnlyList<WorkflowAction> Allowed(WorkflowState from) =>
        [.. Enum.GetValues<WorkflowAction>().Where(action => IsAllowed(from, action))];

    /// <summary>The target state, or a <see cref="WorkflowRuleException"/> naming both states and what is allowed instead.</summary>
    /// <param name="subject">How the message names the finding ("finding 42").</param>
    public static WorkflowState Next(WorkflowState from, WorkflowAction action, string subject = "the finding")
    {
        var to = TargetOf(action);
        if (IsAllowed(from, action))
        {
            return to;
        }

        var reason = !IsOpen(from)
            ? "a closed finding must be reopened first (reopen)"
            : action switch
            {
                WorkflowAction.Triage => "only a New finding can be triaged",
                WorkflowAction.Verify => "only a finding marked fixed can be verified closed (fix first)",
                WorkflowAction.Reopen => "only a closed finding can be reopened",
                WorkflowAction.MarkFixed => "it is already marked fixed",
                _ => "that step is not allowed from here",
            };
        var allowed = Allowed(from);
        throw new WorkflowRuleException(
            $"{subject} is {Name(from)}; it cannot move to {Name(to)} ({ActionName(action)}): {reason}. "
            + (allowed.Count == 0 ? "" : $"Allowed: {string.Join(", ", allowed.Select(ActionName))}."));
    }

    /// <summary>The coarse status kept beside the state for the indexed queries (one mapping, used everywhere).</summary>
    public static FindingStatus StatusOf(WorkflowState state) => state switch
    {
        WorkflowState.New or WorkflowState.Triaged or WorkflowState.InProgress or WorkflowState.FixedAwaitingVerification => FindingStatus.Open,
        WorkflowState.VerifiedClosed => FindingStatus.Fixed,
        WorkflowState.RiskAccepted => FindingStatus.RiskAccepted,
        WorkflowState.FalsePositive => FindingStatus.FalsePositive,
        WorkflowState.NotAffected => FindingStatus.NotAffected,
        WorkflowState.Duplicate => FindingStatus.Duplicate,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown workflow state."),
    };

    /// <summary>
    /// The state a status stands for when nothing more is known: stored findings from before the workflow (the
    /// migration uses the same mapping) and new findings whose report already decided (suppressed, VEX analysis).
    /// </summary>
    public static WorkflowState StateOf(FindingStatus status) => status switch
    {
        FindingStatus.Open => WorkflowState.New,
        FindingStatus.Fixed => WorkflowState.VerifiedClosed,
        FindingStatus.RiskAccepted => WorkflowState.RiskAccepted,
        FindingStatus.FalsePositive => WorkflowState.FalsePositive,
        FindingStatus.NotAffected => WorkflowState.NotAffected,
        FindingStatus.Duplicate => WorkflowState.Duplicate,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown finding status."),
    };

    /// <summary>
    /// What a complete scan of the finding's source does when it sees the finding: a fix that is still seen was not a
    /// fix (→ In progress); a verified closure seen again is a regression to triage (→ New). Everything else stays:
    /// open states remain, and human decisions (risk accepted, false positive, not affected, duplicate) survive rescans.
    /// </summary>
    /// <returns>The new state, or null when the state stays.</returns>
    public static WorkflowState? WhenSeen(WorkflowState state) => state switch
    {
        WorkflowState.FixedAwaitingVerification => WorkflowState.InProgress,
        WorkflowState.VerifiedClosed => WorkflowState.New,
        _ => null,
    };

    /// <summary>When no scan sees the finding any more: an open finding is verified closed; closed ones stay.</summary>
    public static WorkflowState? WhenGone(WorkflowState state) => IsOpen(state) ? WorkflowState.VerifiedClosed : null;

    /// <summary>The state as people read it: "New", "In progress", "Fixed (awaiting verification)", …</summary>
    public static string Name(WorkflowState state) => state switch
    {
        WorkflowState.New => "New",
        WorkflowState.Triaged => "Triaged",
        WorkflowState.InProgress => "In progress",
        WorkflowState.FixedAwaitingVerification => "Fixed (awaiting verification)",
        WorkflowState.VerifiedClosed => "Verified closed",
        WorkflowState.RiskAccepted => "Risk accepted",
        WorkflowState.FalsePositive => "False positive",
        WorkflowState.NotAffected => "Not affected",
        WorkflowState.Duplicate => "Duplicate",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown workflow state."),
    };

    /// <summary>The action as the CLI and API spell it: "triage", "start", "fix", "verify", "reopen", "accept", "false-positive", "not-affected", "duplicate".</summary>
    public static string ActionName(WorkflowAction action) => action switch
    {
        WorkflowAction.Triage => "triage",
        WorkflowAction.Start => "start",
        WorkflowAction.MarkFixed => "fix",
        WorkflowAction.Verify => "verify",
        WorkflowAction.Reopen => "reopen",
        WorkflowAction.AcceptRisk => "accept",
        WorkflowAction.MarkFalsePositive => "false-positive",
        WorkflowAction.MarkNotAffected => "not-affected",
        WorkflowAction.MarkDuplicate => "duplicate",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown workflow action."),
    };

    /// <summary>Reads an action as <see cref="ActionName"/> spells it or by its enum name (case-insensitive).</summary>
    public static bool TryParseAction(string? text, out WorkflowAction action)
    {
        action = default;
        var value = text?.Trim();
        foreach (var candidate in Enum.GetValues<WorkflowAction>())
        {
            if (string.Equals(ActionName(candidate), value, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                action = candidate;
                return true;
            }
        }

        return false;
    }

    public static string ActionChoices { get; } = string.Join(", ", Enum.GetValues<WorkflowAction>().Select(ActionName));

    /// <summary>The transition kind recorded for a person's action.</summary>
    public static TransitionKind KindOf(WorkflowAction action) => (TransitionKind)(int)action;
}
