using BenchmarkDotNet.Attributes;
using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Core.Prioritization;
using Rampart.Core.Prioritization.Cvss;

namespace Rampart.Benchmarks.Micro;

/// <summary>The per-finding pure work of an import: fingerprint, CVSS scoring and the priority decision.</summary>
[MemoryDiagnoser]
public class CoreBenchmarks
{
    private readonly ReportedFinding _vulnerability = new()
    {
        Kind = FindingKind.Vulnerability,
        Tool = "Trivy",
        Title = "log4j-core: remote code execution in JNDI lookups",
        VulnerabilityIds = ["CVE-2021-44228", "GHSA-jfh8-c2jp-5v3q"],
        ComponentPurl = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
        ComponentVersion = "2.14.1",
        CvssVectors = ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"],
    };

    [Benchmark]
    public string Fingerprint() => FindingFingerprint.Compute(_vulnerability);

    [Benchmark]
    public double ScoreCvss31()
    {
        Cvss.TryScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", out var score, out _);
        return score!.BaseScore;
    }

    private readonly AssetContext _asset = new(
        "checkout-api", AssetKind.Application, Exposure.Internet, Criticality.High, DataSensitivity.Confidential, [], AgentAutonomy.None);

    [Benchmark]
    public Priority Prioritize() =>
        Prioritizer.Decide(new PriorityFacts(
            FindingKind.Vulnerability, _vulnerability.CvssVectors, Severity.High,
            new ExploitIntel(Epss: 0.94, EpssPercentile: 0.999, EpssDate: new DateOnly(2026, 12, 1), EpssId: "CVE-2021-44228"), _asset)).Priority;
}
