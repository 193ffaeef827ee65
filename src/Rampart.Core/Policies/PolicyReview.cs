namespace Rampart.Core.Policies;

/// <summary>When a policy must be reviewed again (TVM-01: at least every 12 months).</summary>
public static class PolicyReview
{
    /// <summary>
    /// The approval date plus the interval, by calendar months: a day the target month lacks falls back to its last
    /// day (approved 29 Feb 2028, 12 months → 28 Feb 2029; 31 Aug, 6 months → 28 or 29 Feb), never into the month after.
    /// </summary>
    public static DateOnly NextDue(DateOnly approvedOn, int intervalMonths) => approvedOn.AddMonths(intervalMonths);
}
