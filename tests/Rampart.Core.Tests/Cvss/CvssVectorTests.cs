using Rampart.Core.Prioritization.Cvss;

namespace Rampart.Core.Tests.Cvss;

public sealed class CvssVectorTests
{
    [Fact]
    public void Parse_V31Vector_ExposesItsMetricsInGivenOrder()
    {
        var vector = CvssVector.Parse(" CVSS:3.1/S:U/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H/E:X ");

        Assert.Equal(CvssVersion.V3_1, vector.Version);
        Assert.Equal("CVSS:3.1/S:U/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H/E:X", vector.Text);
        Assert.Equal("N", vector.Metric("AV"));
        Assert.Equal("X", vector.Metric("E"));
        Assert.Null(vector.Metric("RL"));
        Assert.Null(vector.Metric("NOPE"));
        Assert.Equal(["S", "AV", "AC", "PR", "UI", "C", "I", "A", "E"], vector.Metrics.Select(m => m.Key));
        Assert.Equal("U", vector.Metrics[0].Value);
    }

    [Theory]
    [InlineData("AV:N/AC:L/Au:N/C:N/I:N/A:C", CvssVersion.V2)]
    [InlineData("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", CvssVersion.V3_0)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", CvssVersion.V3_1)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", CvssVersion.V4_0)]
    public void Parse_Prefix_GivesTheVersion(string text, CvssVersion version)
    {
        Assert.Equal(version, CvssVector.Parse(text).Version);
    }

    // The invalid vectors listed in CVSS v4.0 spec §7, with the part each error must name.
    [Theory]
    [InlineData("CVSS:4.0/AV:F/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N", "AV:F")] // "F" is not a valid value for "AV"
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/E:A/E:X", "E")] // "E" is defined more than once
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/ui:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N", "ui:N")] // "ui" is not a valid metric abbreviation
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/SC:N/SI:N/SA:N", "VA")] // mandatory metric "VA" is missing
    [InlineData("CVSS:4.0/AC:L/AV:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/CR:L/IR:X/AR:L/RE:H/MAV:A/MAC:H/MAT:N/MPR:N/MUI:P/AT:N/MVC:X/MVI:N/MVA:H/MSC:N/MSI:L/MSA:S/E:U/S:N/AU:N/R:I/V:C/U:Green", "AV:N")] // fixed ordering
    public void Parse_SpecInvalidExample_ThrowsNamingThePart(string text, string part)
    {
        var error = Assert.Throws<CvssFormatException>(() => CvssVector.Parse(text));

        Assert.Equal(part, error.Part);
        Assert.Equal(text, error.Vector);
        Assert.Contains($"'{part}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_V4VectorWithoutPrefix_IsReadAsV2AndRefused()
    {
        // Spec §7's "CVSS v4.0 prefix is missing" example: without a prefix a vector is v2 (guide §2.4), where AT is unknown.
        var error = Assert.Throws<CvssFormatException>(() => CvssVector.Parse("AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N"));

        Assert.Equal("AT:N", error.Part);
    }

    [Theory]
    [InlineData("CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.2", "unknown prefix")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/", "", "empty")]
    [InlineData("CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "", "empty")]
    [InlineData("CVSS:3.1", "", "no metrics")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A", "A", "not a metric:value pair")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H:H", "A:H:H", "not a metric:value pair")]
    [InlineData("CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "AV:n", "not a valid value")] // values are case-sensitive
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "A", "missing")]
    [InlineData("AV:N/AC:L/Au:N/C:N/A:C/I:N", "I:N", "out of order")] // v2 guide §2.4: predetermined order
    [InlineData("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:X", "E:X", "not a valid value")] // v2 writes not defined as ND
    public void TryParse_InvalidVector_ExplainsWhichPart(string text, string part, string explanation)
    {
        var ok = CvssVector.TryParse(text, out var vector, out var error);
        var thrown = Assert.Throws<CvssFormatException>(() => CvssVector.Parse(text));

        Assert.False(ok);
        Assert.Null(vector);
        Assert.Contains(explanation, error, StringComparison.Ordinal);
        Assert.Equal(part, thrown.Part);
        Assert.Equal(error, thrown.Message);
    }

    [Fact]
    public void TryParse_EmptyText_IsRefused()
    {
        Assert.False(CvssVector.TryParse("  ", out _, out var error));
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryScore_InvalidVector_GivesNoScoresAndTheError()
    {
        var ok = Prioritization.Cvss.Cvss.TryScore("CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", out var scores, out var error);

        Assert.False(ok);
        Assert.Null(scores);
        Assert.Contains("'AV:Q'", error, StringComparison.Ordinal);
    }
}
