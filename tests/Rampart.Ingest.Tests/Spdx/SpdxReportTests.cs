using System.Text;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Testing;

namespace Rampart.Ingest.Tests.Spdx;

public sealed class SpdxReportTests
{
    /// <summary>
    /// Expected counts, computed with jq on the files: components <c>jq '.packages | length'</c>; findings (one per package
    /// and CVE/GHSA id named by a SECURITY/advisory reference)
    /// <c>jq '[.packages[] | [.externalRefs[]? | select(.referenceCategory=="SECURITY" and .referenceType=="advisory")
    /// | .referenceLocator | scan("CVE-[0-9]{4}-[0-9]+|GHSA(-[0-9a-z]{4}){3}")] | unique | length] | add'</c>.
    /// </summary>
    public static TheoryData<string, int, int> Files => new()
    {
        { "spdx/spdx-2.3_k8s-bom.json", 4, 0 },
        { "spdx/spdx-2.3_maven-plugin_enriched.json", 6, 0 },
        { "spdx/spdx-2.3_trivy_conda.json", 3, 0 },
        { "spdx/spdx-2.3_with-security-refs.json", 4, 2 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ReadAsync_CorpusDocument_ListsEveryPackage(string file, int components, int findings)
    {
        var outcome = await ReportFile.ReadCorpusAsync(file);

        Assert.Equal(ReportFormat.Spdx, ReportFile.DetectCorpus(file));
        Assert.Equal((ReportFormat.Spdx, components, findings), (outcome.Metadata.Format, outcome.Metadata.Components.Count, outcome.Findings.Count));
        Assert.Empty(outcome.Metadata.AiAssets);
    }

    [Fact]
    public void Files_SpdxFolder_EveryFileIsCovered()
    {
        var covered = Files.Select(row => row.Data.Item1).Append("spdx/spdx-3.0_ai-profile.json").ToHashSet(StringComparer.Ordinal);

        var missing = Corpus.Folder("spdx").Select(path => $"spdx/{Path.GetFileName(path)}").Where(f => !covered.Contains(f)).ToList();

        Assert.True(missing.Count == 0, $"add expected counts for: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task ReadAsync_SecurityRefs_GivesOneVulnerabilityPerAdvisory()
    {
        var outcome = await ReportFile.ReadCorpusAsync("spdx/spdx-2.3_with-security-refs.json");

        // elliptic 6.5.2 (purl pkg:npm/elliptic@6.5.2): SECURITY advisory https://nvd.nist.gov/vuln/detail/CVE-2020-28498.
        var elliptic = outcome.Findings[0];
        Assert.Equal((FindingKind.Vulnerability, "CVE-2020-28498 in elliptic", "SPDX"), (elliptic.Kind, elliptic.Title, elliptic.Tool));
        Assert.Equal(["CVE-2020-28498"], elliptic.VulnerabilityIds);
        Assert.Equal(("pkg:npm/elliptic@6.5.2", "elliptic", "6.5.2"), (elliptic.ComponentPurl, elliptic.ComponentName, elliptic.ComponentVersion));
        Assert.Equal(Severity.Info, elliptic.ToolSeverity);
        Assert.Equal("SPDX security advisory reference: https://nvd.nist.gov/vuln/detail/CVE-2020-28498", elliptic.Message);
        var openssl = outcome.Findings[1];
        Assert.Equal(("CVE-2022-2274", "pkg:alpine/openssl@3.0.4", "3.0.4"), (openssl.VulnerabilityIds[0], openssl.ComponentPurl, openssl.ComponentVersion));
    }

    [Fact]
    public async Task ReadAsync_SecurityRef_CorrelatesWithAScannerFindingOfTheSameCve()
    {
        var outcome = await ReportFile.ReadCorpusAsync("spdx/spdx-2.3_with-security-refs.json");
        var scanner = new ReportedFinding
        {
            Kind = FindingKind.Vulnerability, Tool = "Trivy", Title = "elliptic: signature malleability", VulnerabilityIds = ["CVE-2020-28498", "GHSA-r9p9-mrjm-926w"],
            ComponentName = "elliptic", ComponentVersion = "6.5.2", ComponentPurl = "pkg:npm/elliptic@6.5.2",
        };

        Assert.Equal(FindingFingerprint.Compute(scanner), FindingFingerprint.Compute(outcome.Findings[0]));
    }

    [Fact]
    public async Task ReadAsync_SecurityRefs_ReadsDocumentFacts()
    {
        var outcome = await ReportFile.ReadCorpusAsync("spdx/spdx-2.3_with-security-refs.json");

        // creators are an Organization and a Person, no Tool; name "ACME SBOM"; created 2023-10-08T18:30:22Z.
        Assert.Equal(((string?)null, "ACME SBOM"), (outcome.Metadata.Tool, outcome.Metadata.Scope));
        Assert.Equal(new DateTimeOffset(2023, 10, 8, 18, 30, 22, TimeSpan.Zero), outcome.Metadata.ScanDate);
        var acme = outcome.Metadata.Components[0];
        Assert.Equal(
            new ReportedComponent { Name = "Acme Applcation", Version = "2.3", Type = "application", Supplier = "Jane Doe (jane.doe@example.com)", License = "Apache-2.0" },
            acme);
        Assert.Equal(("alpine", "latest", (string?)null), (outcome.Metadata.Components[2].Name, outcome.Metadata.Components[2].Version, outcome.Metadata.Components[2].License));
    }

    [Fact]
    public async Task ReadAsync_TrivyConda_SplitsToolVersionAndReadsPackages()
    {
        var outcome = await ReportFile.ReadCorpusAsync("spdx/spdx-2.3_trivy_conda.json");

        // creators ["Organization: aquasecurity", "Tool: trivy-dev"]; openssl: supplier NOASSERTION, licenseConcluded OpenSSL, purpose LIBRARY.
        Assert.Equal(("trivy", "dev"), (outcome.Metadata.Tool, outcome.Metadata.ToolVersion));
        Assert.Equal(new DateTimeOffset(2021, 8, 25, 12, 20, 30, TimeSpan.Zero), outcome.Metadata.ScanDate);
        Assert.Equal("testdata/fixtures/repo/conda", outcome.Metadata.Scope);
        Assert.Equal(
            new ReportedComponent { Name = "openssl", Version = "1.1.1q", Purl = "pkg:conda/openssl@1.1.1q", Type = "library", License = "OpenSSL" },
            outcome.Metadata.Components[0]);
        Assert.Equal(("testdata/fixtures/repo/conda", "source", (string?)null), (outcome.Metadata.Components[2].Name, outcome.Metadata.Components[2].Type, outcome.Metadata.Components[2].License));
    }

    [Fact]
    public async Task ReadAsync_MavenPlugin_TakesDeclaredLicenseWhenConcludedIsNoAssertion()
    {
        var outcome = await ReportFile.ReadCorpusAsync("spdx/spdx-2.3_maven-plugin_enriched.json");

        // creators "Person: Gary O'Neall", "Tool: spdx-maven-plugin", "Tool: Parlay": the first tool, whose name has hyphens but no version.
        Assert.Equal(("spdx-maven-plugin", (string?)null), (outcome.Metadata.Tool, outcome.Metadata.ToolVersion));
        var junit = Assert.Single(outcome.Metadata.Components, c => c.Name == "JUnit");
        Assert.Equal(("3.8.1", "CPL-1.0"), (junit.Version, junit.License)); // licenseConcluded NOASSERTION, licenseDeclared CPL-1.0
        var example = Assert.Single(outcome.Metadata.Components, c => c.Name == "examplemaven");
        Assert.Equal(("SPDX", "library", "Apache-2.0"), (example.Supplier, example.Type, example.License)); // "Organization: SPDX", LIBRARY
        Assert.Null(Assert.Single(outcome.Metadata.Components, c => c.Name == "Apache Log4j Core").License);
    }

    [Fact]
    public async Task ReadAsync_K8sBom_ReadsToolNameWithSlashes()
    {
        var outcome = await ReportFile.ReadCorpusAsync("spdx/spdx-2.3_k8s-bom.json");

        Assert.Equal(("sigs.k8s.io/bom/pkg/spdx", (string?)null), (outcome.Metadata.Tool, outcome.Metadata.ToolVersion));
        var tokio = Assert.Single(outcome.Metadata.Components, c => c.Name == "tokio");
        Assert.Equal(("1.19.2", "pkg:cargo/tokio@1.19.2", "MIT"), (tokio.Version, tokio.Purl, tokio.License));
    }

    [Fact]
    public async Task ReadAsync_PackagesBeforeCreationInfo_FindingsStillNameTheTool()
    {
        var document = """
            {"spdxVersion":"SPDX-2.3","name":"late",
             "packages":[{"name":"lodash","versionInfo":"4.17.20","externalRefs":[
               {"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:npm/lodash@4.17.20"},
               {"referenceCategory":"SECURITY","referenceType":"cpe23Type","referenceLocator":"cpe:2.3:a:lodash:lodash:4.17.20:*:*:*:*:node.js:*:*"},
               {"referenceCategory":"SECURITY","referenceType":"advisory","referenceLocator":"https://github.com/advisories/GHSA-35JH-R3H4-6JHM"},
               {"referenceCategory":"SECURITY","referenceType":"advisory","referenceLocator":"https://nvd.nist.gov/vuln/detail/CVE-2021-23337"},
               {"referenceCategory":"SECURITY","referenceType":"fix","referenceLocator":"https://example.com/CVE-2099-0001"}]}],
             "creationInfo":{"created":"2024-01-02T03:04:05Z","creators":["Tool: syft-v1.4.1"]}}
            """;

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(document), "late.spdx.json");

        Assert.Equal([("syft", "GHSA-35jh-r3h4-6jhm"), ("syft", "CVE-2021-23337")], outcome.Findings.Select(f => (f.Tool, f.VulnerabilityIds[0])));
        Assert.Equal("v1.4.1", outcome.Metadata.ToolVersion);
        Assert.Equal("cpe:2.3:a:lodash:lodash:4.17.20:*:*:*:*:node.js:*:*", Assert.Single(outcome.Metadata.Components).Cpe);
    }

    [Fact]
    public void Detect_Spdx30JsonLd_SaysNotSupportedYet()
    {
        var error = Assert.Throws<ReportFormatException>(() => ReportFile.DetectCorpus("spdx/spdx-3.0_ai-profile.json"));

        Assert.Equal("SPDX 3.0 is not supported yet; export SPDX 2.3 JSON", error.Reason);
        Assert.Contains("spdx-3.0_ai-profile.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Spdx30ForcedAsSpdx_SaysNotSupportedYet()
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadCorpusAsync("spdx/spdx-3.0_ai-profile.json", ReportFormat.Spdx));

        Assert.Equal("SPDX 3.0 is not supported yet; export SPDX 2.3 JSON", error.Reason);
    }

    [Fact]
    public async Task ReadAsync_TruncatedDocument_ThrowsWithFileAndLine()
    {
        var bytes = await File.ReadAllBytesAsync(Corpus.File("spdx/spdx-2.3_maven-plugin_enriched.json"), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(bytes[..(bytes.Length / 2)], "half.spdx.json"));

        Assert.Contains("half.spdx.json", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 1, $"a truncated file's error should give the line where it ends, got {error.Line}");
    }

    [Theory]
    [InlineData("""{"spdxVersion":"SPDX-2.3","packages":{"name":"x"}}""", "packages must be an array")]
    [InlineData("""{"spdxVersion":"SPDX-2.3","packages":[42]}""", "each package must be an object")]
    [InlineData("""{"spdxVersion":"SPDX-1.2","packages":[]}""", "spdxVersion is \"SPDX-1.2\"")]
    [InlineData("""{"spdxVersion":7,"packages":[]}""", "spdxVersion is \"7\"")]
    [InlineData("""{"name":"no version","packages":[]}""", "no \"spdxVersion\"")]
    [InlineData("""["SPDX-2.3"]""", "the top level is not a JSON object")]
    public async Task ReadAsync_WrongShape_SaysNotSpdx(string document, string reason)
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(document), "bad.json", ReportFormat.Spdx));

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Contains("bad.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SarifForcedAsSpdx_SaysNotSpdx()
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadCorpusAsync("sarif/bandit-1.9.3.sarif", ReportFormat.Spdx));

        Assert.Contains("not a valid SPDX JSON report", error.Reason, StringComparison.Ordinal);
    }
}
