using System.Text;
using Rampart.Core.Findings;

namespace Rampart.Ingest.Tests.Grype;

/// <summary>The same CVE in the same package version, reported by Grype and by Trivy, must become one finding.</summary>
public sealed class CrossToolCorrelationTests
{
    [Fact]
    public async Task Compute_SameDebianImageScannedByGrypeAndTrivy_GivesSharedFingerprints()
    {
        var grype = await ReportFile.ReadCorpusAsync("grype/grype-0.7.0_image_many_vulns_large.json");
        var trivy = await ReportFile.ReadCorpusAsync("trivy/legacy_image_many_vulns.json");

        // CVE-2011-3374 in apt 1.8.2.2: Grype gives purl pkg:deb/debian/apt@1.8.2.2?arch=amd64, Trivy (legacy) the plain name "apt".
        var fromGrype = Assert.Single(grype.Findings, f => f.VulnerabilityIds[0] == "CVE-2011-3374" && f.ComponentName == "apt");
        var fromTrivy = Assert.Single(trivy.Findings, f => f.VulnerabilityIds[0] == "CVE-2011-3374" && f.ComponentName == "apt");
        Assert.Equal(FindingFingerprint.Compute(fromTrivy), FindingFingerprint.Compute(fromGrype));

        // Every (id, package, version) the two files share, counted with jq:
        //   jq -r '.matches[] | "\(.vulnerability.id)|\(.artifact.name)|\(.artifact.version)"' grype-0.7.0_image_many_vulns_large.json | sort -u > g
        //   jq -r '.[].Vulnerabilities[]? | "\(.VulnerabilityID)|\(.PkgName)|\(.InstalledVersion)"' legacy_image_many_vulns.json | sort -u > t
        //   comm -12 g t | wc -l   → 72
        var shared = grype.Findings.Select(FindingFingerprint.Compute).ToHashSet(StringComparer.Ordinal);
        shared.IntersectWith(trivy.Findings.Select(FindingFingerprint.Compute));
        Assert.Equal(72, shared.Count);
    }

    [Fact]
    public async Task Compute_GrypeGhsaWithRelatedCveAndTrivyCve_GiveOneFingerprint()
    {
        const string grypeReport = """
            {"matches":[{"vulnerability":{"id":"GHSA-v6rh-hp5x-86rv","namespace":"github:language:python","severity":"High","fix":{"versions":["3.2.10"],"state":"fixed"}},
              "relatedVulnerabilities":[{"id":"CVE-2021-44420","namespace":"nvd:cpe","severity":"High"}],
              "artifact":{"name":"Django","version":"3.2.9","type":"python","purl":"pkg:pypi/Django@3.2.9",
                "locations":[{"path":"/usr/local/lib/python3.8/site-packages/Django-3.2.9.dist-info/METADATA"}]}}],
             "source":{"type":"image","target":{"userInput":"web:1"}},"descriptor":{"name":"grype","version":"0.96.0"}}
            """;
        const string trivyReport = """
            {"SchemaVersion":2,"ArtifactName":"web:1","Results":[{"Target":"Python","Class":"lang-pkgs","Type":"python-pkg","Vulnerabilities":[
              {"VulnerabilityID":"CVE-2021-44420","PkgName":"django","PkgIdentifier":{"PURL":"pkg:pypi/django@3.2.9"},"InstalledVersion":"3.2.9","FixedVersion":"3.2.10, 3.1.14","Severity":"HIGH"}]}]}
            """;

        var grype = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(grypeReport), "grype.json");
        var trivy = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(trivyReport), "trivy.json");

        var fromGrype = Assert.Single(grype.Findings);
        var fromTrivy = Assert.Single(trivy.Findings);
        Assert.Equal(["GHSA-v6rh-hp5x-86rv", "CVE-2021-44420"], fromGrype.VulnerabilityIds);
        Assert.Equal("vuln|CVE-2021-44420|django|3.2.9|", FindingFingerprint.CanonicalKey(fromGrype));
        Assert.Equal(FindingFingerprint.Compute(fromTrivy), FindingFingerprint.Compute(fromGrype));
    }
}
