namespace Rampart.Core.Prioritization;

/// <summary>
/// The thresholds the decision uses, kept in one place so that the policy in force can set them (issue 5).
/// </summary>
/// <param name="EpssPoc">
/// EPSS score from which exploitation counts as "public PoC": a 10% probability of exploitation activity in the next
/// 30 days is far above the base rate (most CVEs score below 1%), and is where FIRST's own guidance starts to call a
/// vulnerability likely to be exploited.
/// </param>
/// <param name="AttackSuccessActive">
/// Attack success rate of a red-team finding from which the attack counts as reliably working ("active"); any
/// success at all is a working proof of concept.
/// </param>
public sealed record PrioritizationSettings(double EpssPoc = 0.1, double AttackSuccessActive = 0.5)
{
    public static PrioritizationSettings Default { get; } = new();
}
