using System.Text.Json;

namespace Rampart.Cli.Tests;

/// <summary>`rampart cvss`: expected scores from the specifications' examples (see tests/Rampart.Core.Tests/Cvss for their sources).</summary>
public sealed class CvssCommandTests
{
    private const string NoDatabase = "unused.db"; // cvss never opens the database
    private const string Log4Shell = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"; // 10.0, NVD
    private const string GuideExample = "AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H"; // v2 guide §3.3.1: environmental 9.2
    private const string SpecBte = "CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U/CR:L/IR:X/AR:L/MAV:A/MAC:H/MAT:N/MPR:N/MUI:P/MVC:X/MVI:N/MVA:H/MSC:N/MSI:L/MSA:S/S:N/AU:N/R:I/V:C/RE:H/U:Green";

    [Fact]
    public async Task Cvss_VectorArguments_PrintsVectorMostSpecificScoreAndSeverity()
    {
        var outcome = await RampartProcess.RunAsync(NoDatabase, "cvss", Log4Shell, GuideExample);

        Assert.True(outcome.ExitCode == 0, outcome.StdErr);
        Assert.Equal([$"{Log4Shell}\t10.0\tcritical", $"{GuideExample}\t9.2\thigh"], outcome.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Cvss_Stdin_ScoresEachNonBlankLine()
    {
        var input = $"{Log4Shell}\n\n   \nCVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N\r\n";

        var outcome = await RampartProcess.RunWithInputAsync(NoDatabase, input, "cvss");

        Assert.True(outcome.ExitCode == 0, outcome.StdErr);
        Assert.Equal(
            [$"{Log4Shell}\t10.0\tcritical", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N\t8.7\thigh"],
            outcome.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Cvss_Json_PrintsOneObjectPerLineWithEveryScore()
    {
        var outcome = await RampartProcess.RunWithInputAsync(NoDatabase, $"{SpecBte}\n{GuideExample}\n", "cvss", "--json");

        Assert.True(outcome.ExitCode == 0, outcome.StdErr);
        var lines = outcome.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var v4 = JsonDocument.Parse(lines[0]);
        var root = v4.RootElement;
        Assert.Equal("4.0", root.GetProperty("version").GetString());
        Assert.Equal(SpecBte, root.GetProperty("vector").GetString());
        Assert.Equal(5.1, root.GetProperty("base").GetDouble()); // ae-cvss-calculator 1.0.13 for the spec §7 CVSS-BTE sample
        Assert.Equal(1.2, root.GetProperty("threat").GetDouble());
        Assert.Equal(7.3, root.GetProperty("environmental").GetDouble());
        Assert.Equal(4.2, root.GetProperty("threatEnvironmental").GetDouble());
        Assert.Equal(4.2, root.GetProperty("score").GetDouble());
        Assert.Equal("CVSS-BTE", root.GetProperty("scoreKind").GetString());
        Assert.Equal("medium", root.GetProperty("severity").GetString());
        using var v2 = JsonDocument.Parse(lines[1]);
        Assert.Equal(7.8, v2.RootElement.GetProperty("base").GetDouble());
        Assert.Equal(6.4, v2.RootElement.GetProperty("temporal").GetDouble());
        Assert.Equal(9.2, v2.RootElement.GetProperty("environmental").GetDouble());
        Assert.Equal("environmental", v2.RootElement.GetProperty("scoreKind").GetString());
        Assert.Contains("\"score\":9.2,", lines[1], StringComparison.Ordinal); // one decimal, as the specs print scores
    }

    [Fact]
    public async Task Cvss_InvalidStdinLine_ReportsLineAndPartAndExitsWithBadInput()
    {
        var input = $"{Log4Shell}\nCVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n{GuideExample}\n";

        var outcome = await RampartProcess.RunWithInputAsync(NoDatabase, input, "cvss");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("line 2", outcome.StdErr, StringComparison.Ordinal);
        Assert.Contains("CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", outcome.StdErr, StringComparison.Ordinal);
        Assert.Contains("'AV:Q'", outcome.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, outcome.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // the valid ones are still printed
    }

    [Fact]
    public async Task Cvss_InvalidArgument_NamesTheArgumentAndExitsWithBadInput()
    {
        var outcome = await RampartProcess.RunAsync(NoDatabase, "cvss", Log4Shell, "CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("argument 2", outcome.StdErr, StringComparison.Ordinal);
        Assert.Contains("'AV:N' is out of order", outcome.StdErr, StringComparison.Ordinal);
        Assert.StartsWith($"{Log4Shell}\t10.0\tcritical", outcome.StdOut, StringComparison.Ordinal);
    }
}
