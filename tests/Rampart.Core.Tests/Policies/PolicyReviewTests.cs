using Rampart.Core.Policies;

namespace Rampart.Core.Tests.Policies;

public sealed class PolicyReviewTests
{
    [Theory]
    [InlineData("2026-03-15", 12, "2027-03-15")] // the ordinary yearly review
    [InlineData("2026-03-15", 6, "2026-09-15")]
    [InlineData("2028-02-29", 12, "2029-02-28")] // leap day: 2029 has no 29 February, so the month's last day
    [InlineData("2028-02-29", 48, "2032-02-29")] // four years on, a leap year again
    [InlineData("2026-08-31", 6, "2027-02-28")] // 31 August + 6 months: February's last day
    [InlineData("2027-08-31", 6, "2028-02-29")] // the same in a leap year
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2026-12-31", 3, "2027-03-31")] // across the year end, the month has the day
    public void NextDue_ApprovalAndInterval_IsCalendarMonthsLater(string approved, int months, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            PolicyReview.NextDue(DateOnly.Parse(approved, System.Globalization.CultureInfo.InvariantCulture), months));
    }
}
