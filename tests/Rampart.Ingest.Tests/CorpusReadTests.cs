using Rampart.Core.Findings;
using Rampart.Testing;

namespace Rampart.Ingest.Tests;

/// <summary>Every corpus file of a supported format is detected and read completely, with independently counted results.</summary>
public sealed class CorpusReadTests
{
    /// <summary>
    /// Expected counts, computed with jq on the files themselves:
    /// SARIF: <c>jq '[.runs[].results[]] | length'</c> (no result has kind "pass"/"notApplicable").
    /// CycloneDX: <c>jq '[.vulnerabilities[]? | if ((.affects//[])|length)==0 then 1 else (.affects|length) end] | add // 0'</c>.
    /// Trivy: vulnerabilities + misconfigurations whose Status is not "PASS" + secrets, e.g.
    /// <c>jq '[.Results[] | (.Vulnerabilities//[])[], ((.Misconfigurations//[])[] | select(.Status!="PASS")), (.Secrets//[])[]] | length'</c>
    /// (legacy: <c>jq '[.[].Vulnerabilities[]?] | length'</c>; k8s: the same over <c>.Resources[].Results[]?</c>).
    /// </summary>
    public static TheoryData<string, ReportFormat, int> Files => new()
    {
        { "sarif/bandit-1.9.3.sarif", ReportFormat.Sarif, 1 },
        { "sarif/codeql-2.20.4_javascript.sarif", ReportFormat.Sarif, 35 },
        { "sarif/codeql-lgtm-1.24_empty.sarif", ReportFormat.Sarif, 0 },
        { "sarif/eslint-8.56.0_with-suppressions.sarif", ReportFormat.Sarif, 12 },
        { "sarif/gosec.sarif", ReportFormat.Sarif, 21 },
        { "sarif/semgrep-0.17.0_owasp-benchmark_large.sarif", ReportFormat.Sarif, 1768 },
        { "sarif/semgrep-oss-1.69.0.sarif", ReportFormat.Sarif, 77 },
        { "sarif/snyk-open-source-1.1294.0.sarif", ReportFormat.Sarif, 3 },
        { "cyclonedx/cdx-1.4_cyclonedx-npm_juice-shop_large.json", ReportFormat.CycloneDx, 0 },
        { "cyclonedx/cdx-1.4_grype-0.41.0_log4j.json", ReportFormat.CycloneDx, 8 },
        { "cyclonedx/cdx-1.4_grype-0.41.0_log4j.xml", ReportFormat.CycloneDx, 8 }, // python3 ElementTree, see CycloneDxInventoryTests
        { "cyclonedx/cdx-1.4_vex_cisa-use-case-2.json", ReportFormat.CycloneDx, 19 },
        { "cyclonedx/cdx-1.5_trivy-0.48.1.json", ReportFormat.CycloneDx, 14 },
        { "cyclonedx/cdx-1.6_ml-bom_spec-example.json", ReportFormat.CycloneDx, 0 },
        { "cyclonedx/cdx-1.6_trivy_npm.json", ReportFormat.CycloneDx, 1 },
        { "trivy/k8s_cluster_resources.json", ReportFormat.Trivy, 37 },
        { "trivy/legacy_image_many_vulns.json", ReportFormat.Trivy, 93 },
        { "trivy/legacy_no_vulns.json", ReportFormat.Trivy, 0 },
        { "trivy/schema2_fs_vulns_misconfigs_secrets.json", ReportFormat.Trivy, 5 },
        { "trivy/schema2_image_alpine-310.json", ReportFormat.Trivy, 4 },
        { "trivy/schema2_image_no_vulns.json", ReportFormat.Trivy, 0 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Detect_CorpusFile_RecognizesItsFormat(string file, ReportFormat expected, int findings)
    {
        _ = findings;

        var format = ReportFile.DetectCorpus(file);

        Assert.True(expected == format, $"{file} should be detected as {expected}, was {format}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ReadAsync_CorpusFile_YieldsEveryResult(string file, ReportFormat format, int expected)
    {
        var outcome = await ReportFile.ReadCorpusAsync(file);

        Assert.True(expected == outcome.Findings.Count, $"{file} has {expected} results (counted with jq), the reader gave {outcome.Findings.Count}");
        Assert.Equal(format, outcome.Metadata.Format);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ReadAsync_CorpusFile_GivesEveryFindingATitleAndFingerprint(string file, ReportFormat format, int expected)
    {
        _ = (format, expected);

        var outcome = await ReportFile.ReadCorpusAsync(file);

        Assert.All(outcome.Findings, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Title), $"{file}: every finding needs a title");
            Assert.True(f.Title.Length <= 300, $"{file}: titles are capped at 300 characters, got {f.Title.Length}");
            Assert.Equal(64, FindingFingerprint.Compute(f).Length);
        });
    }

    [Theory]
    [InlineData("sarif")]
    [InlineData("cyclonedx")]
    [InlineData("trivy")]
    public void Files_CorpusFolder_EveryFileIsCovered(string folder)
    {
        var covered = Files.Select(row => row.Data.Item1).ToHashSet(StringComparer.Ordinal);

        var missing = Corpus.Folder(folder)
            .Select(path => $"{folder}/{Path.GetFileName(path)}")
            .Where(file => !file.EndsWith(".xml", StringComparison.Ordinal) && !covered.Contains(file))
            .ToList();

        Assert.True(missing.Count == 0, $"add expected counts for new corpus files: {string.Join(", ", missing)}");
    }
}
