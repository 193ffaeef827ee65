using Rampart.Core.Findings;
using Rampart.Core.Ingest;

namespace Rampart.Core.Tests;

public sealed class FindingFingerprintTests
{
    private static ReportedFinding Vulnerability(string tool, string? purl, string? name, string version, params string[] ids) => new()
    {
        Kind = FindingKind.Vulnerability,
        Tool = tool,
        Title = "whatever the tool calls it",
        VulnerabilityIds = ids,
        ComponentPurl = purl,
        ComponentName = name,
        ComponentVersion = version,
    };

    [Fact]
    public void Compute_SameCveSamePackageFromTwoTools_GivesSameFingerprint()
    {
        // Trivy names Maven packages "group:artifact"; Grype and CycloneDX give a purl.
        var trivy = Vulnerability("Trivy", null, "org.apache.logging.log4j:log4j-core", "2.14.1", "CVE-2021-44228");
        var grype = Vulnerability("grype", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar", null, "2.14.1", "GHSA-jfh8-c2jp-5v3q", "CVE-2021-44228");

        Assert.Equal(FindingFingerprint.Compute(trivy), FindingFingerprint.Compute(grype));
    }

    [Fact]
    public void Compute_SameCveOtherVersion_GivesAnotherFingerprint()
    {
        var a = Vulnerability("Trivy", null, "log4j-core", "2.14.1", "CVE-2021-44228");
        var b = Vulnerability("Trivy", null, "log4j-core", "2.15.0", "CVE-2021-44228");

        Assert.NotEqual(FindingFingerprint.Compute(a), FindingFingerprint.Compute(b));
    }

    [Fact]
    public void Compute_CodeFindingWithToolFingerprint_IgnoresLineMoves()
    {
        var before = new ReportedFinding { Kind = FindingKind.Code, Tool = "CodeQL", Title = "XSS", RuleId = "js/xss", LocationPath = "src/app.js", StartLine = 10, ToolFingerprint = "abc:1" };
        var after = before with { StartLine = 42 };

        Assert.Equal(FindingFingerprint.Compute(before), FindingFingerprint.Compute(after));
    }

    [Fact]
    public void Compute_CodeFindingWithoutToolFingerprint_UsesRulePathAndLine()
    {
        var a = new ReportedFinding { Kind = FindingKind.Code, Tool = "gosec", Title = "G101", RuleId = "G101", LocationPath = "file:///src/main.go", StartLine = 3 };
        var samePlace = a with { LocationPath = "src/main.go" };
        var otherLine = a with { StartLine = 4 };

        Assert.Equal(FindingFingerprint.Compute(a), FindingFingerprint.Compute(samePlace));
        Assert.NotEqual(FindingFingerprint.Compute(a), FindingFingerprint.Compute(otherLine));
    }

    [Fact]
    public void Compute_SameSnippetMovedTenLinesDown_KeepsFingerprint()
    {
        var before = new ReportedFinding { Kind = FindingKind.Code, Tool = "gosec", Title = "Weak RNG", RuleId = "G404", LocationPath = "main.go", StartLine = 106, Snippet = "token := rand.Int()" };
        var moved = before with { StartLine = 116 };

        Assert.Equal(FindingFingerprint.Compute(before), FindingFingerprint.Compute(moved));
    }

    [Fact]
    public void Compute_OtherSnippetAtSameLine_GivesAnotherFingerprint()
    {
        var a = new ReportedFinding { Kind = FindingKind.Code, Tool = "gosec", Title = "Weak RNG", RuleId = "G404", LocationPath = "main.go", StartLine = 106, Snippet = "token := rand.Int()" };
        var other = a with { Snippet = "nonce := rand.Int()" };

        Assert.NotEqual(FindingFingerprint.Compute(a), FindingFingerprint.Compute(other));
    }

    [Fact]
    public void Compute_SnippetReindented_KeepsFingerprint()
    {
        var a = new ReportedFinding { Kind = FindingKind.Secret, Tool = "t", Title = "Key", RuleId = "aws", LocationPath = "a.py", StartLine = 3, Snippet = "key = \"AKIA\"" };
        var reindented = a with { Snippet = "\t\tkey  =\n \"AKIA\"  \r\n" };

        Assert.Equal(FindingFingerprint.Compute(a), FindingFingerprint.Compute(reindented));
        Assert.Equal("secret|aws|a.py|snippet:key = \"AKIA\"", FindingFingerprint.CanonicalKey(reindented));
    }

    [Fact]
    public void CanonicalKey_ToolFingerprint_WinsOverSnippetAndLine()
    {
        var reported = new ReportedFinding { Kind = FindingKind.Misconfiguration, Tool = "t", Title = "Root", RuleId = "K8S-4", LocationPath = "./k8s/app.yaml", StartLine = 18, Snippet = "runAsNonRoot: false", ToolFingerprint = "h=1" };

        Assert.Equal("misconfiguration|K8S-4|k8s/app.yaml|h=1", FindingFingerprint.CanonicalKey(reported));
        Assert.Equal("misconfiguration|K8S-4|k8s/app.yaml|18", FindingFingerprint.CanonicalKey(reported with { ToolFingerprint = null, Snippet = "  " }));
    }

    [Fact]
    public void Compute_Always_IsLowerCaseSha256Hex()
    {
        var fingerprint = FindingFingerprint.Compute(Vulnerability("Trivy", null, "openssl", "1.1.1k", "CVE-2021-3711"));

        Assert.Matches("^[0-9a-f]{64}$", fingerprint);
    }

    [Fact]
    public void CanonicalKey_Vulnerability_PrefersCveOverOtherAliases()
    {
        var reported = Vulnerability("grype", "pkg:npm/lodash@4.17.20", null, "4.17.20", "GHSA-35jh-r3h4-6jhm", "cve-2021-23337");

        Assert.Equal("vuln|CVE-2021-23337|lodash|4.17.20|", FindingFingerprint.CanonicalKey(reported));
    }
}
