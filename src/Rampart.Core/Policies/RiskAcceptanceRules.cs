namespace Rampart.Core.Policies;

/// <summary>How long a risk may be accepted instead of remediated, and who may accept it.</summary>
/// <param name="MaxDays">Longest acceptance in days (1 to 365); it must then be renewed or the finding remediated.</param>
/// <param name="ApproverRoles">Roles that may approve an acceptance, in kebab-case ("security-lead").</param>
public sealed record RiskAcceptanceRules(int MaxDays, IReadOnlyList<string> ApproverRoles);
