namespace Rampart.Core.Policies;

/// <summary>Who is told when a finding approaches or passes its due date.</summary>
/// <param name="DaysAfterDue">Days after the due date; negative is a reminder before it, 0 the day it falls due.</param>
/// <param name="Notify">
/// "assignee", "owner-team-lead", "security-lead", or a named person or team as "user:NAME" / "team:NAME".
/// </param>
public sealed record EscalationStep(int DaysAfterDue, string Notify);
