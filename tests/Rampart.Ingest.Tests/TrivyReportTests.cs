using System.Text;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;

namespace Rampart.Ingest.Tests;

public sealed class TrivyReportTests
{
    [Fact]
    public async Task ReadAsync_AlpineImageVulnerability_KeepsPackageVersionsAndVectors()
    {
        var outcome = await ReportFile.ReadCorpusAsync("trivy/schema2_image_alpine-310.json");

        // jq '.Results[0].Vulnerabilities[0]': CVE-2019-1549 in libcrypto1.1 1.1.1c-r0, fixed 1.1.1d-r0, nvd V3Vector CVSS:3.1/…/C:L/I:N/A:N.
        var finding = outcome.Findings[0];
        Assert.Equal(["CVE-2019-1549"], finding.VulnerabilityIds);
        Assert.Equal("pkg:apk/alpine/libcrypto1.1@1.1.1c-r0?arch=x86_64&distro=3.10.2", finding.ComponentPurl);
        Assert.Equal(("libcrypto1.1", "1.1.1c-r0", "1.1.1d-r0"), (finding.ComponentName, finding.ComponentVersion, finding.FixedVersion));
        Assert.Equal(["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N"], finding.CvssVectors);
        Assert.Equal((Severity.Medium, "testdata/fixtures/images/alpine-310.tar.gz (alpine 3.10.2)"), (finding.ToolSeverity, finding.LocationPath));
        Assert.Equal(["CWE-330"], finding.Cwes);
    }

    [Fact]
    public async Task ReadAsync_AlpineImage_FillsMetadataFromReport()
    {
        var outcome = await ReportFile.ReadCorpusAsync("trivy/schema2_image_alpine-310.json");

        Assert.Equal(("Trivy", "dev"), (outcome.Metadata.Tool, outcome.Metadata.ToolVersion));
        // CreatedAt "2021-08-25T12:20:30.000000005Z" has nanoseconds.
        Assert.NotNull(outcome.Metadata.ScanDate);
        Assert.Equal(new DateTimeOffset(2021, 8, 25, 12, 20, 30, TimeSpan.Zero), outcome.Metadata.ScanDate.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task ReadAsync_FilesystemMisconfiguration_IsMisconfigurationAtTarget()
    {
        var outcome = await ReportFile.ReadCorpusAsync("trivy/schema2_fs_vulns_misconfigs_secrets.json");

        var finding = Assert.Single(outcome.Findings, f => f.Kind == FindingKind.Misconfiguration);
        Assert.Equal(("DS002", "Dockerfile", Severity.High), (finding.RuleId, finding.LocationPath, finding.ToolSeverity));
        Assert.Equal("Specify at least 1 USER command in Dockerfile with non-root user as argument", finding.Message);
    }

    [Fact]
    public async Task ReadAsync_FilesystemSecret_IsSecretAtLine()
    {
        var outcome = await ReportFile.ReadCorpusAsync("trivy/schema2_fs_vulns_misconfigs_secrets.json");

        // jq '.Results[] | select(.Class=="secret") | .Target, .Secrets[0].StartLine' gives Dockerfile 24 and secret.txt 1.
        var secrets = outcome.Findings.Where(f => f.Kind == FindingKind.Secret).Select(f => (f.RuleId, f.LocationPath, f.StartLine, f.ToolSeverity));
        Assert.Equal([("github-pat", "Dockerfile", 24, Severity.Critical), ("github-pat", "secret.txt", 1, Severity.Critical)], secrets);
    }

    [Fact]
    public async Task ReadAsync_FilesystemSecret_NeverCopiesMatchedText()
    {
        var outcome = await ReportFile.ReadCorpusAsync("trivy/schema2_fs_vulns_misconfigs_secrets.json");

        // The secrets' Match fields are "ENV GITHUB_PAT=*****" and "GITHUB_PAT=*****".
        Assert.All(outcome.Findings, f => Assert.DoesNotContain("GITHUB_PAT", AllText(f), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_SecretWithCodeLines_NeverCopiesSecretAnywhere()
    {
        const string secret = "AKIAQWERTYUIOPASDFGH";
        var report = $$"""
            {"SchemaVersion":2,"ArtifactName":".","Results":[{"Target":"config/.env","Class":"secret","Secrets":[
              {"RuleID":"aws-access-key-id","Category":"AWS","Severity":"CRITICAL","Title":"AWS Access Key ID","StartLine":3,"EndLine":3,
               "Code":{"Lines":[{"Number":3,"Content":"AWS_KEY={{secret}}","IsCause":true,"Highlighted":"AWS_KEY={{secret}}"}]},
               "Match":"AWS_KEY={{secret}}"}]}]}
            """;

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(report), "secrets.json");

        var finding = Assert.Single(outcome.Findings);
        Assert.DoesNotContain(secret, AllText(finding), StringComparison.Ordinal);
        Assert.Equal("AWS Access Key ID", finding.Message);
    }

    [Fact]
    public async Task ReadAsync_KubernetesReport_PrefixesLocationWithResource()
    {
        var outcome = await ReportFile.ReadCorpusAsync("trivy/k8s_cluster_resources.json");

        // First resource: Namespace default, Kind Service, Name kubernetes, result Target "Service/kubernetes", check KSV116.
        var first = outcome.Findings[0];
        Assert.Equal("default/Service/kubernetes:Service/kubernetes", first.LocationPath);
        Assert.Equal(("KSV116", FindingKind.Misconfiguration), (first.RuleId, first.Kind));
    }

    [Fact]
    public async Task ReadAsync_KubernetesReport_MapsSeverities()
    {
        var outcome = await ReportFile.ReadCorpusAsync("trivy/k8s_cluster_resources.json");

        // jq '[.Resources[].Results[]?.Misconfigurations[]? | select(.Status!="PASS") | .Severity] | group_by(.)': HIGH 1, LOW 31, MEDIUM 5.
        Assert.Equal(new Dictionary<Severity, int> { [Severity.High] = 1, [Severity.Low] = 31, [Severity.Medium] = 5 }, outcome.Findings.SeverityCounts());
    }

    [Fact]
    public async Task ReadAsync_LegacyArray_MapsSeveritiesAndUnknownAsInfo()
    {
        var outcome = await ReportFile.ReadCorpusAsync("trivy/legacy_image_many_vulns.json");

        // jq -c '.[].Vulnerabilities[]? | .Severity' | sort | uniq -c: HIGH 18, LOW 65, MEDIUM 9, UNKNOWN 1.
        Assert.Equal(new Dictionary<Severity, int> { [Severity.High] = 18, [Severity.Low] = 65, [Severity.Medium] = 9, [Severity.Info] = 1 }, outcome.Findings.SeverityCounts());
    }

    [Fact]
    public async Task ReadAsync_LegacyWithoutTitle_TitlesWithIdAndPackage()
    {
        var outcome = await ReportFile.ReadCorpusAsync("trivy/legacy_image_many_vulns.json");

        Assert.Equal("CVE-2011-3374 in apt", outcome.Findings[0].Title);
    }

    [Fact]
    public async Task ReadAsync_PassedCheckAndTargetAfterEntries_SkipsPassAndLocatesEntries()
    {
        var report = """
            {"SchemaVersion":2,"Results":[{"Misconfigurations":[{"ID":"KSV001","Status":"PASS","Severity":"HIGH"},
              {"AVDID":"AVD-KSV-0002","Status":"FAIL","Severity":"MEDIUM","Title":"T","CauseMetadata":{"StartLine":7}}],"Target":"deploy.yaml"}]}
            """;

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(report), "late-target.json");

        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(("AVD-KSV-0002", "deploy.yaml", 7), (finding.RuleId, finding.LocationPath, finding.StartLine));
    }

    [Fact]
    public async Task ReadAsync_LiteralNull_YieldsNothing()
    {
        var outcome = await ReportFile.ReadCorpusAsync("trivy/legacy_no_vulns.json");

        Assert.Empty(outcome.Findings);
        Assert.Equal(ReportFormat.Trivy, outcome.Metadata.Format);
    }

    private static string AllText(ReportedFinding finding) => string.Join('\n',
        new[] { finding.Title, finding.Description, finding.RuleId, finding.Message, finding.LocationPath, finding.ToolFingerprint, finding.ComponentName, finding.ComponentPurl }
            .Concat(finding.VulnerabilityIds).Concat(finding.Cwes).Concat(finding.CvssVectors));
}
