using System.Text;
using Rampart.Core.Findings;
using Rampart.Testing;

namespace Rampart.Ingest.Tests.Grype;

public sealed class GrypeReportTests
{
    /// <summary>
    /// Expected counts and severities, computed with jq on the files themselves:
    /// <c>jq '.matches | length'</c> and
    /// <c>jq -c '[.matches[] | (.vulnerability.severity // ([.relatedVulnerabilities[]?.severity | select(.)][0]) // "none")] | group_by(.) | map({(.[0]): length}) | add'</c>
    /// (Negligible and Unknown are Info).
    /// </summary>
    public static TheoryData<string, int, int, int, int, int, int> Files => new()
    {
        // file, matches, Info, Low, Medium, High, Critical
        { "grype/grype-0.24.0_directory.json", 9, 0, 0, 5, 2, 2 },
        { "grype/grype-0.28.0_image_all_fields.json", 6, 1, 0, 0, 3, 2 },
        { "grype/grype-0.7.0_image_many_vulns_large.json", 1509, 681 + 76, 107, 613, 32, 0 },
        { "grype/grype-0.7.0_no_vulns.json", 0, 0, 0, 0, 0, 0 },
        { "grype/grype-0.94.0_with_epss.json", 15, 0, 2, 2, 10, 1 },
        { "grype/grype-0.96.0_image.json", 35, 0, 2, 13, 19, 1 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Detect_CorpusFile_IsGrype(string file, int count, int info, int low, int medium, int high, int critical)
    {
        _ = (count, info, low, medium, high, critical);

        Assert.Equal(ReportFormat.Grype, ReportFile.DetectCorpus(file));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ReadAsync_CorpusFile_YieldsOneVulnerabilityPerMatchWithSeverities(string file, int count, int info, int low, int medium, int high, int critical)
    {
        var outcome = await ReportFile.ReadCorpusAsync(file);

        Assert.Equal(count, outcome.Findings.Count);
        Assert.All(outcome.Findings, f => Assert.Equal((FindingKind.Vulnerability, "Grype"), (f.Kind, f.Tool)));
        var severities = outcome.Findings.SeverityCounts();
        Assert.Equal([info, low, medium, high, critical], new[] { Severity.Info, Severity.Low, Severity.Medium, Severity.High, Severity.Critical }.Select(s => severities.GetValueOrDefault(s)));
        Assert.Equal(("Grype", ReportFormat.Grype), (outcome.Metadata.Tool, outcome.Metadata.Format));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ReadAsync_CorpusFile_EveryFindingHasIdPackageAndLocation(string file, int count, int info, int low, int medium, int high, int critical)
    {
        _ = (count, info, low, medium, high, critical);

        var outcome = await ReportFile.ReadCorpusAsync(file);

        // jq '[.matches[] | select(.artifact.purl == null or (.artifact.locations|length) == 0)] | length' is 0 in every file.
        Assert.All(outcome.Findings, f =>
        {
            Assert.NotEmpty(f.VulnerabilityIds);
            Assert.NotNull(f.ComponentPurl);
            Assert.NotNull(f.ComponentVersion);
            Assert.NotNull(f.LocationPath);
        });
    }

    [Fact]
    public async Task ReadAsync_DirectoryScan_MapsMatchAndUnquotesTarget()
    {
        var outcome = await ReportFile.ReadCorpusAsync("grype/grype-0.24.0_directory.json");

        // jq '.matches[0]': CVE-1999-1338 in delegate 3.2.0 (npm), Medium, components/yarn.lock, cvss[0] v2 vector; source.target is "\".\"".
        var finding = outcome.Findings[0];
        Assert.Equal(["CVE-1999-1338"], finding.VulnerabilityIds);
        Assert.Equal(("pkg:npm/delegate@3.2.0", "delegate", "3.2.0"), (finding.ComponentPurl, finding.ComponentName, finding.ComponentVersion));
        Assert.Equal((Severity.Medium, "components/yarn.lock"), (finding.ToolSeverity, finding.LocationPath));
        Assert.Equal(["AV:N/AC:L/Au:N/C:N/I:P/A:N"], finding.CvssVectors);
        Assert.Equal("CVE-1999-1338 in delegate", finding.Title);
        Assert.StartsWith("Delegate proxy 5.9.3 and earlier creates files", finding.Description, StringComparison.Ordinal);
        Assert.Null(finding.FixedVersion);
        Assert.Equal((".", "0.24.0"), (outcome.Metadata.Scope, outcome.Metadata.ToolVersion));
        Assert.Null(outcome.Metadata.ScanDate);
    }

    [Fact]
    public async Task ReadAsync_GhsaMatch_HasRelatedCveAsAliasAndFix()
    {
        var outcome = await ReportFile.ReadCorpusAsync("grype/grype-0.28.0_image_all_fields.json");

        // jq '.matches[] | select(.vulnerability.id | startswith("GHSA"))': twice the same match (the file repeats it),
        // Django 3.2.9, related CVE-2021-44420, fix 3.2.10, v2 vector on the GHSA record, v3.1 vector on the NVD record.
        var django = outcome.Findings.Where(f => f.ComponentName == "Django").ToList();
        Assert.Equal(2, django.Count);
        var finding = django[0];
        Assert.Equal(["GHSA-v6rh-hp5x-86rv", "CVE-2021-44420"], finding.VulnerabilityIds);
        Assert.Equal(("pkg:pypi/Django@3.2.9", "3.2.9", "3.2.10"), (finding.ComponentPurl, finding.ComponentVersion, finding.FixedVersion));
        Assert.Equal(Severity.High, finding.ToolSeverity);
        Assert.Equal(["AV:N/AC:L/Au:N/C:P/I:P/A:P", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L"], finding.CvssVectors);
        Assert.Equal("/usr/local/lib/python3.8/site-packages/Django-3.2.9.dist-info/METADATA", finding.LocationPath);
        Assert.Equal(FindingFingerprint.Compute(django[0]), FindingFingerprint.Compute(django[1]));
    }

    [Fact]
    public async Task ReadAsync_AllFieldsFile_JoinsSeveralFixVersionsAndMapsNegligibleToInfo()
    {
        var outcome = await ReportFile.ReadCorpusAsync("grype/grype-0.28.0_image_all_fields.json");

        // redis 4.0.2 CVE-2021-32626: fix.versions ["fix_1","fix_2"] (state wont-fix); CVE-2004-0971 in libgssapi-krb5-2 is Negligible.
        var redis = Assert.Single(outcome.Findings, f => f.ComponentName == "redis");
        Assert.Equal(("CVE-2021-32626", "fix_1, fix_2"), (redis.VulnerabilityIds[0], redis.FixedVersion));
        var negligible = Assert.Single(outcome.Findings, f => f.VulnerabilityIds[0] == "CVE-2004-0971");
        Assert.Equal(Severity.Info, negligible.ToolSeverity);
        Assert.Equal("vulnerable-image:latest", outcome.Metadata.Scope);
    }

    [Fact]
    public async Task ReadAsync_Version07Schema_ReadsLinksCvssV2V3AndFixedInVersion()
    {
        var outcome = await ReportFile.ReadCorpusAsync("grype/grype-0.7.0_image_many_vulns_large.json");

        // jq '.matches[0]': CVE-2011-3389, libgnutls-openssl27 3.6.7-4+deb10u5, Medium, cvssV2 vector, links[0] the Debian tracker.
        var first = outcome.Findings[0];
        Assert.Equal(("CVE-2011-3389", "libgnutls-openssl27", "3.6.7-4+deb10u5"), (first.VulnerabilityIds[0], first.ComponentName, first.ComponentVersion));
        Assert.Equal("pkg:deb/debian/libgnutls-openssl27@3.6.7-4+deb10u5?arch=amd64", first.ComponentPurl);
        Assert.Equal(["AV:N/AC:M/Au:N/C:P/I:N/A:N"], first.CvssVectors);
        Assert.Equal(("/var/lib/dpkg/status", "https://security-tracker.debian.org/tracker/CVE-2011-3389"), (first.LocationPath, first.Message));

        // jq '.matches[] | select(.vulnerability.cvssV3 != null)': mercurial 4.8.2 CVE-2019-3902 has a v2 and a v3.0 vector and a description.
        var mercurial = Assert.Single(outcome.Findings, f => f.ComponentName == "mercurial" && f.VulnerabilityIds[0] == "CVE-2019-3902");
        Assert.Equal(["AV:N/AC:M/Au:N/C:N/I:P/A:P", "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:N"], mercurial.CvssVectors);
        Assert.StartsWith("A flaw was found in Mercurial before 4.9.", mercurial.Description, StringComparison.Ordinal);

        // jq '.matches[] | select(.vulnerability.id == "CVE-2020-36221")': fixedInVersion 2.4.47+dfsg-3+deb10u5 for libldap-2.4-2.
        var ldap = Assert.Single(outcome.Findings, f => f.ComponentName == "libldap-2.4-2" && f.VulnerabilityIds[0] == "CVE-2020-36221");
        Assert.Equal("2.4.47+dfsg-3+deb10u5", ldap.FixedVersion);
        Assert.Equal(("python:3.6", "0.7.0"), (outcome.Metadata.Scope, outcome.Metadata.ToolVersion));
    }

    [Fact]
    public async Task ReadAsync_EpssReport_ReadsTimestampAndBinaryArtifact()
    {
        var outcome = await ReportFile.ReadCorpusAsync("grype/grype-0.94.0_with_epss.json");

        // descriptor.timestamp "2025-06-19T11:43:35.523947199Z"; matches[0] CVE-2022-28391 in busybox 1.32.1 at /bin/[, High, three cvss entries (two equal).
        Assert.NotNull(outcome.Metadata.ScanDate);
        Assert.Equal(new DateTimeOffset(2025, 6, 19, 11, 43, 35, 523, TimeSpan.Zero), outcome.Metadata.ScanDate.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(("busybox:1.32.1", "0.94.0"), (outcome.Metadata.Scope, outcome.Metadata.ToolVersion));
        var first = outcome.Findings[0];
        Assert.Equal(("CVE-2022-28391", "pkg:generic/busybox@1.32.1", "/bin/[", Severity.High), (first.VulnerabilityIds[0], first.ComponentPurl, first.LocationPath, first.ToolSeverity));
        Assert.Equal(["CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", "AV:N/AC:M/Au:N/C:P/I:P/A:P"], first.CvssVectors);
        Assert.Equal("https://nvd.nist.gov/vuln/detail/CVE-2022-28391", first.Message);
    }

    [Fact]
    public async Task ReadAsync_MatchWithoutSeverity_TakesRelatedRecordSeverity()
    {
        var outcome = await ReportFile.ReadCorpusAsync("grype/grype-0.96.0_image.json");

        // jq '.matches[] | select(.vulnerability.severity == null)': CVE-2024-26308 in commons-compress 1.21 (nvd:cpe), related GHSA-4265-ccf5-phj5 is High.
        var finding = Assert.Single(outcome.Findings, f => f.VulnerabilityIds[0] == "CVE-2024-26308");
        Assert.Equal(["CVE-2024-26308", "GHSA-4265-ccf5-phj5"], finding.VulnerabilityIds);
        Assert.Equal((Severity.High, "1.26.0"), (finding.ToolSeverity, finding.FixedVersion));
        Assert.Equal(("pkg:maven/org.apache.commons/commons-compress@1.21", "/opt/kafka/plugins/apicurio/commons-compress-1.21.jar"), (finding.ComponentPurl, finding.LocationPath));
        // descriptor comes first in this file: "timestamp": "2024-02-22T19:46:26.372724916+01:00".
        Assert.Equal(new DateTimeOffset(2024, 2, 22, 18, 46, 26, 372, TimeSpan.Zero), outcome.Metadata.ScanDate!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal("quay.io/cloudservices/xjoin-kafka-connect-strimzi:latest", outcome.Metadata.Scope);
    }

    [Fact]
    public async Task ReadAsync_IgnoredMatchAndMatchWithoutLocation_AreSuppressedAndLocatedAtTarget()
    {
        const string report = """
            {"matches":[{"vulnerability":{"id":"CVE-2024-0001","severity":"Low"},"artifact":{"name":"left-pad","version":"1.0.0","type":"npm","locations":[]}}],
             "ignoredMatches":[{"vulnerability":{"id":"CVE-2024-0002","severity":"High"},"artifact":{"name":"lodash","version":"4.17.20","type":"npm","locations":[{"path":"/app/package-lock.json"}]},
               "appliedIgnoreRules":[{"vulnerability":"CVE-2024-0002"}]}],
             "source":{"type":"directory","target":"/app"},"descriptor":{"name":"grype","version":"0.80.0"}}
            """;

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(report), "grype.json");

        Assert.Equal(2, outcome.Findings.Count);
        var ignored = Assert.Single(outcome.Findings, f => f.Suppressed);
        Assert.Equal(("CVE-2024-0002", "/app/package-lock.json"), (ignored.VulnerabilityIds[0], ignored.LocationPath));
        var unlocated = Assert.Single(outcome.Findings, f => !f.Suppressed);
        Assert.Equal(("/app", "pkg:npm/left-pad@1.0.0"), (unlocated.LocationPath, unlocated.ComponentPurl));
    }

    [Fact]
    public async Task ReadAsync_TruncatedLargeReport_ThrowsWithFileAndLine()
    {
        var bytes = await File.ReadAllBytesAsync(Corpus.File("grype/grype-0.7.0_image_many_vulns_large.json"), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(bytes[..(bytes.Length / 2)], "half-grype.json"));

        Assert.Contains("half-grype.json", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 1000, $"the cut is far into the file, the error gave line {error.Line}");
    }

    [Theory]
    [InlineData("""{"matches":{"vulnerability":{"id":"CVE-2024-0001"}},"source":{}}""", "matches must be an array")]
    [InlineData("""{"matches":["CVE-2024-0001"],"source":{}}""", "each item of matches must be an object")]
    [InlineData("""{"matches":[{"vulnerability":{"severity":"High"},"artifact":{"name":"x"}}],"source":{}}""", "has no vulnerability.id")]
    [InlineData("""[{"matches":[]}]""", "not a valid Grype JSON report")]
    public async Task ReadAsync_WrongShape_ThrowsNamingFile(string report, string reason)
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(report), "bad-grype.json", ReportFormat.Grype));

        Assert.Contains("bad-grype.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_TrivyReportForcedAsGrype_Throws()
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadCorpusAsync("trivy/schema2_image_alpine-310.json", ReportFormat.Grype));

        Assert.Contains("has no \"matches\"", error.Message, StringComparison.Ordinal);
        Assert.Equal("schema2_image_alpine-310.json", error.FileName);
    }
}
