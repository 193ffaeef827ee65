using BenchmarkDotNet.Attributes;
using Rampart.Core.Prioritization.Cvss;

namespace Rampart.Benchmarks.Micro;

/// <summary>Parse + score of one vector per CVSS version (base only and with every optional group), as `rampart cvss` does per line.</summary>
[MemoryDiagnoser]
public class CvssBenchmarks
{
    [Params(
        "AV:N/AC:L/Au:N/C:P/I:P/A:P",
        "AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H",
        "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H",
        "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C/CR:H/IR:M/AR:L/MAV:A/MAC:H/MPR:N/MUI:R/MS:C/MC:L/MI:H/MA:N",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U/CR:L/IR:X/AR:L/MAV:A/MAC:H/MAT:N/MPR:N/MUI:P/MVC:X/MVI:N/MVA:H/MSC:N/MSI:L/MSA:S/S:N/AU:N/R:I/V:C/RE:H/U:Green")]
    public string Vector { get; set; } = "";

    [Benchmark]
    public double ParseAndScore() => Cvss.Score(Vector).Score;

    [Benchmark]
    public bool ParseOnly() => CvssVector.TryParse(Vector, out _, out _);
}
