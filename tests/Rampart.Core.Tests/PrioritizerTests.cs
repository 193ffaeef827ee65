using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Core.Prioritization;

namespace Rampart.Core.Tests;

public sealed class PrioritizerTests
{
    private const string Critical = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"; // 9.8
    private const string Medium = "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"; // 6.1

    [Fact]
    public void Decide_CvssVectorPresent_SeverityComesFromCvssNotTool()
    {
        var decision = Prioritizer.Decide([Critical], Severity.Low, Exposure.Internal, Criticality.Medium);

        Assert.Equal(Severity.Critical, decision.Severity);
        Assert.Equal(9.8, decision.CvssScore!.Value, precision: 1);
        Assert.Equal(Priority.P1, decision.Priority);
        Assert.StartsWith("CVSS 3.1 base 9.8", decision.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SeveralVectors_UsesTheHighestScore()
    {
        var decision = Prioritizer.Decide([Medium, Critical], Severity.Medium, Exposure.Internal, Criticality.Medium);

        Assert.Equal(9.8, decision.CvssScore!.Value, precision: 1);
    }

    [Fact]
    public void Decide_NoVector_FallsBackToToolSeverityAndSaysSo()
    {
        var decision = Prioritizer.Decide([], Severity.High, Exposure.Internal, Criticality.Medium);

        Assert.Equal(Severity.High, decision.Severity);
        Assert.Null(decision.CvssScore);
        Assert.Equal(Priority.P2, decision.Priority);
        Assert.Contains("no CVSS vector", decision.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_UnscorableVectorOnly_FallsBackToToolSeverity()
    {
        // Base metrics missing: CVSS v4.0 spec §7 makes every base metric mandatory.
        var decision = Prioritizer.Decide(["CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N"], Severity.Medium, Exposure.Internal, Criticality.Low);

        Assert.Equal(Severity.Medium, decision.Severity);
        Assert.Equal(Priority.P3, decision.Priority);
    }

    [Fact]
    public void Decide_InternetFacingHighCriticality_RaisesOneLevel()
    {
        var decision = Prioritizer.Decide([Medium], Severity.Medium, Exposure.Internet, Criticality.High);

        Assert.Equal(Priority.P2, decision.Priority);
        Assert.Contains(decision.Reasons, r => r.Contains("internet-facing", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_InternetFacingLowSeverity_IsNotRaised()
    {
        var decision = Prioritizer.Decide([], Severity.Low, Exposure.Internet, Criticality.Critical);

        Assert.Equal(Priority.P4, decision.Priority);
    }

    [Fact]
    public void Decide_IsolatedAsset_LowersOneLevel()
    {
        var decision = Prioritizer.Decide([Critical], Severity.Critical, Exposure.Isolated, Criticality.High);

        Assert.Equal(Priority.P2, decision.Priority);
    }

    [Theory]
    [InlineData(Priority.P1, 7)]
    [InlineData(Priority.P2, 30)]
    [InlineData(Priority.P3, 90)]
    [InlineData(Priority.P4, 180)]
    public void DueDate_DefaultTimeframes_CountFromFirstSeen(Priority priority, int days)
    {
        var firstSeen = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

        var due = RemediationTimeframes.Default.DueDate(priority, firstSeen);

        Assert.Equal(firstSeen.AddDays(days), due);
    }
}
