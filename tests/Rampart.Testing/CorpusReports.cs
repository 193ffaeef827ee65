using Rampart.Core.Findings;
using Xunit;

namespace Rampart.Testing;

/// <summary>One corpus report Rampart imports, with the number of results the file holds.</summary>
/// <param name="Path">Relative to the corpus root.</param>
/// <param name="Format">The format detection must find.</param>
/// <param name="Results">
/// Results in the file, counted independently of Rampart's readers (jq, python3 ElementTree, node); the commands
/// are quoted in each format's reader tests under tests/Rampart.Ingest.Tests. An import reports them as distinct
/// findings plus duplicates (results that repeat a finding of the same file).
/// </param>
/// <param name="Forced">The format must be named (--format): a 0-byte file says nothing about its format.</param>
public sealed record CorpusReport(string Path, ReportFormat Format, int Results, bool Forced = false)
{
    public override string ToString() => Path;
}

/// <summary>Every importable report of the corpus with its independently counted results; shared by the CLI, API, upload and service tests.</summary>
public static class CorpusReports
{
    public static IReadOnlyList<CorpusReport> All { get; } =
    [
        new("sarif/bandit-1.9.3.sarif", ReportFormat.Sarif, 1),
        new("sarif/codeql-2.20.4_javascript.sarif", ReportFormat.Sarif, 35),
        new("sarif/codeql-lgtm-1.24_empty.sarif", ReportFormat.Sarif, 0),
        new("sarif/eslint-8.56.0_with-suppressions.sarif", ReportFormat.Sarif, 12),
        new("sarif/gosec.sarif", ReportFormat.Sarif, 21),
        new("sarif/semgrep-0.17.0_owasp-benchmark_large.sarif", ReportFormat.Sarif, 1768),
        new("sarif/semgrep-oss-1.69.0.sarif", ReportFormat.Sarif, 77),
        new("sarif/snyk-open-source-1.1294.0.sarif", ReportFormat.Sarif, 3),
        new("cyclonedx/cdx-1.4_cyclonedx-npm_juice-shop_large.json", ReportFormat.CycloneDx, 0),
        new("cyclonedx/cdx-1.4_grype-0.41.0_log4j.json", ReportFormat.CycloneDx, 8),
        new("cyclonedx/cdx-1.4_grype-0.41.0_log4j.xml", ReportFormat.CycloneDx, 8),
        new("cyclonedx/cdx-1.4_vex_cisa-use-case-2.json", ReportFormat.CycloneDx, 19),
        new("cyclonedx/cdx-1.5_trivy-0.48.1.json", ReportFormat.CycloneDx, 14),
        new("cyclonedx/cdx-1.6_ml-bom_spec-example.json", ReportFormat.CycloneDx, 0),
        new("cyclonedx/cdx-1.6_trivy_npm.json", ReportFormat.CycloneDx, 1),
        new("spdx/spdx-2.3_k8s-bom.json", ReportFormat.Spdx, 0),
        new("spdx/spdx-2.3_maven-plugin_enriched.json", ReportFormat.Spdx, 0),
        new("spdx/spdx-2.3_trivy_conda.json", ReportFormat.Spdx, 0),
        new("spdx/spdx-2.3_with-security-refs.json", ReportFormat.Spdx, 2),
        new("trivy/k8s_cluster_resources.json", ReportFormat.Trivy, 37),
        new("trivy/legacy_image_many_vulns.json", ReportFormat.Trivy, 93),
        new("trivy/legacy_no_vulns.json", ReportFormat.Trivy, 0),
        new("trivy/schema2_fs_vulns_misconfigs_secrets.json", ReportFormat.Trivy, 5),
        new("trivy/schema2_image_alpine-310.json", ReportFormat.Trivy, 4),
        new("trivy/schema2_image_no_vulns.json", ReportFormat.Trivy, 0),
        new("grype/grype-0.24.0_directory.json", ReportFormat.Grype, 9),
        new("grype/grype-0.28.0_image_all_fields.json", ReportFormat.Grype, 6),
        new("grype/grype-0.7.0_image_many_vulns_large.json", ReportFormat.Grype, 1509),
        new("grype/grype-0.7.0_no_vulns.json", ReportFormat.Grype, 0),
        new("grype/grype-0.94.0_with_epss.json", ReportFormat.Grype, 15),
        new("grype/grype-0.96.0_image.json", ReportFormat.Grype, 35),
        new("osv-scanner/empty_file.json", ReportFormat.OsvScanner, 0, Forced: true),
        new("osv-scanner/golang_raw-results.json", ReportFormat.OsvScanner, 23),
        new("osv-scanner/javascript_raw-results.json", ReportFormat.OsvScanner, 6),
        new("osv-scanner/many_findings.json", ReportFormat.OsvScanner, 66),
        new("osv-scanner/some_findings.json", ReportFormat.OsvScanner, 1),
        new("npm-audit/v1_many_vulns.json", ReportFormat.NpmAudit, 5),
        new("npm-audit/v1_multiple_cwes_large.json", ReportFormat.NpmAudit, 44),
        new("npm-audit/v1_no_vulns.json", ReportFormat.NpmAudit, 0),
        new("npm-audit/v2_many_vulns.json", ReportFormat.NpmAudit, 8),
        new("npm-audit/v2_no_vulns.json", ReportFormat.NpmAudit, 0),
        new("dependency-check/dc-12.2.2_large.json", ReportFormat.DependencyCheck, 44),
        new("dependency-check/dc-9.2.0.json", ReportFormat.DependencyCheck, 83),
        new("dependency-check/dc-8.2.1_no_vulns.json", ReportFormat.DependencyCheck, 0),
        new("dependency-check/dc-6.5.3.xml", ReportFormat.DependencyCheck, 1),
        new("dependency-check/dc-6.5.3_empty.xml", ReportFormat.DependencyCheck, 0),
        new("dependency-check/dc-xml-schema-1.3_single_vuln.xml", ReportFormat.DependencyCheck, 1),
        new("zap/zap-2.10.0_scan.xml", ReportFormat.Zap, 15),
        new("zap/zap-2.11.1_xml-plus.xml", ReportFormat.Zap, 1),
        new("zap/zap-2.14.0_baseline.json", ReportFormat.Zap, 12),
        new("zap/zap-2.16.1_with_req_resp.xml", ReportFormat.Zap, 4),
        new("zap/zap-2.9.0_empty.xml", ReportFormat.Zap, 0),

        // garak and promptfoo group attempts into findings in the reader (one per failing probe × detector × model,
        // one per provider × plugin × strategy); the counts are of those groups (commands in the reader tests).
        new("garak/report_0.13.3.pre1.report.jsonl", ReportFormat.Garak, 0),
        new("garak/report_0.14.0.pre1.report.jsonl", ReportFormat.Garak, 0),
        new("garak/report_0.14.0.pre1_small.report.jsonl", ReportFormat.Garak, 0),
        new("garak/hitlog_SYNTHETIC_defectdojo_fixture.jsonl", ReportFormat.Garak, 3),
        new("garak/digest_0.15.2.pre1.json", ReportFormat.Garak, 115),
        new("promptfoo/promptfoo_eval_many_findings.json", ReportFormat.Promptfoo, 5),
        new("promptfoo/promptfoo_eval_no_findings.json", ReportFormat.Promptfoo, 0),
    ];

    /// <summary>Corpus files that must be refused with a clear error, and a phrase the error contains.</summary>
    public static IReadOnlyList<(string Path, string Phrase)> Refused { get; } =
    [
        ("npm-audit/v1_error.json", "npm audit failed"),
        ("spdx/spdx-3.0_ai-profile.json", "SPDX 3.0 is not supported yet"),
    ];

    public static TheoryData<CorpusReport> Theory()
    {
        var data = new TheoryData<CorpusReport>();
        foreach (var report in All)
        {
            data.Add(report);
        }

        return data;
    }
}
