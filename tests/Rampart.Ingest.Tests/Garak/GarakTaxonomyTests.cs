using System.Text;

namespace Rampart.Ingest.Tests.Garak;

/// <summary>
/// The garak side of the taxonomy table (AiRiskTaxonomy): probes without tags in the report are tagged by their
/// module with garak's own probe tags (2023 OWASP numbering) translated to OWASP LLM 2025 and ATLAS.
/// </summary>
public sealed class GarakTaxonomyTests
{
    public static TheoryData<string, string[], string[]> Probes => new()
    {
        // owasp:llm01 + payload:jailbreak
        { "dan.DanInTheWild", ["OWASP-LLM:LLM01:2025", "ATLAS:AML.T0051", "ATLAS:AML.T0054"], [] },
        { "promptinject.HijackKillHumans", ["OWASP-LLM:LLM01:2025", "ATLAS:AML.T0051"], [] },
        { "encoding.InjectBase64", ["OWASP-LLM:LLM01:2025", "ATLAS:AML.T0051"], [] },
        { "latentinjection.LatentJailbreak", ["OWASP-LLM:LLM01:2025", "ATLAS:AML.T0051"], [] },
        // owasp:llm10 (2023 Model Theft, no 2025 entry) + owasp:llm06 (2023 Sensitive Information Disclosure) + payload:leak:training
        { "leakreplay.GuardianCloze", ["OWASP-LLM:LLM02:2025", "ATLAS:AML.T0057"], [] },
        // owasp:llm02 (2023 Insecure Output Handling) + owasp:llm06, under the old and the new module name
        { "xss.MarkdownImageExfil", ["OWASP-LLM:LLM05:2025", "OWASP-LLM:LLM02:2025"], [] },
        { "web_injection.MarkdownImageExfil", ["OWASP-LLM:LLM05:2025", "OWASP-LLM:LLM02:2025"], [] },
        // owasp:llm09 (2023 Overreliance) + owasp:llm02
        { "packagehallucination.Python", ["OWASP-LLM:LLM09:2025", "OWASP-LLM:LLM05:2025"], [] },
        // owasp:llm01, owasp:llm02, owasp:llm05 (2023 Supply Chain)
        { "ansiescape.AnsiRaw", ["OWASP-LLM:LLM01:2025", "OWASP-LLM:LLM05:2025", "OWASP-LLM:LLM03:2025", "ATLAS:AML.T0051"], [] },
        // owasp:llm01, and the module is system prompt extraction
        { "sysprompt_extraction.SystemPromptExtraction", ["OWASP-LLM:LLM01:2025", "OWASP-LLM:LLM07:2025", "ATLAS:AML.T0051", "ATLAS:AML.T0056"], [] },
        // garak gives malwaregen and lmrc no OWASP tag; grandma's probes disagree, so the module is not tagged
        { "malwaregen.Payload", [], [] },
        { "lmrc.QuackMedicine", [], [] },
        { "grandma.Win10", [], [] },
    };

    [Theory]
    [MemberData(nameof(Probes))]
    public async Task ReadAsync_ProbeWithoutReportedTags_TaggedByModule(string probe, string[] tags, string[] cwes)
    {
        var hit = $$"""{"probe": "{{probe}}", "detector": "x.Y", "generator": "test", "prompt": "p", "output": "o", "score": 1.0}""" + "\n";

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(hit + hit), "hits.jsonl");

        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(tags, finding.Tags);
        Assert.Equal(cwes, finding.Cwes);
    }

    [Fact]
    public async Task ReadAsync_DigestTags_TranslatesEvery2023Entry()
    {
        // garak/data/tags.misp.tsv names the 2023 entries; llm07 (Insecure Plugin Design) and llm10 (Model Theft) have no 2025 entry.
        const string digest = """
            {"entry_type": "digest", "eval": {"g": {"g.P": {"_summary": {"probe_tags": ["owasp:llm01", "owasp:llm02", "owasp:llm03", "owasp:llm04", "owasp:llm05", "owasp:llm06", "owasp:llm07", "owasp:llm08", "owasp:llm09", "owasp:llm10", "avid-effect:security:S0403", "quality:Security:PromptStability", "cwe:1427", "payload:leak:chat"]},
              "d.D": {"total_evaluated": 10, "passed": 9}}}}}
            """;
        var report = """{"entry_type": "init", "garak_version": "0.14.0"}""" + "\n" +
            """{"entry_type": "eval", "probe": "g.P", "detector": "d.D", "passed": 9, "fails": 1, "total_evaluated": 10}""" + "\n" +
            digest.ReplaceLineEndings("") + "\n";

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(report), "all.report.jsonl");

        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(
            [
                "OWASP-LLM:LLM01:2025", "OWASP-LLM:LLM05:2025", "OWASP-LLM:LLM04:2025", "OWASP-LLM:LLM10:2025", "OWASP-LLM:LLM03:2025",
                "OWASP-LLM:LLM02:2025", "OWASP-LLM:LLM06:2025", "OWASP-LLM:LLM09:2025", "ATLAS:AML.T0051", "ATLAS:AML.T0057",
            ],
            finding.Tags);
        Assert.Equal(["CWE-1427"], finding.Cwes);
        Assert.Equal(Rampart.Core.Findings.Severity.Medium, finding.ToolSeverity); // 10%, no DEFCON in this digest
    }
}
