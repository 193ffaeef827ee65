using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.AiTaxonomy;

/// <summary>
/// Maps AI red-teaming tools' own metadata onto the OWASP Top 10 for LLM Applications 2025 ("OWASP-LLM:LLM01:2025")
/// and MITRE ATLAS techniques ("ATLAS:AML.T0051"). Only the tool's metadata is translated (garak probe tags, the
/// garak probe module, promptfoo plugin and strategy ids); free text is never read for tags.
/// </summary>
/// <remarks>
/// ATLAS ids used, and only these: AML.T0051 LLM Prompt Injection, AML.T0054 LLM Jailbreak, AML.T0056 Extract LLM
/// System Prompt (formerly "LLM Meta Prompt Extraction"), AML.T0057 LLM Data Leakage.
/// </remarks>
internal static class AiRiskTaxonomy
{
    public const string PromptInjection = "OWASP-LLM:LLM01:2025";
    public const string SensitiveInformationDisclosure = "OWASP-LLM:LLM02:2025";
    public const string SupplyChain = "OWASP-LLM:LLM03:2025";
    public const string DataAndModelPoisoning = "OWASP-LLM:LLM04:2025";
    public const string ImproperOutputHandling = "OWASP-LLM:LLM05:2025";
    public const string ExcessiveAgency = "OWASP-LLM:LLM06:2025";
    public const string SystemPromptLeakage = "OWASP-LLM:LLM07:2025";
    public const string VectorAndEmbeddingWeaknesses = "OWASP-LLM:LLM08:2025";
    public const string Misinformation = "OWASP-LLM:LLM09:2025";
    public const string UnboundedConsumption = "OWASP-LLM:LLM10:2025";

    public const string AtlasPromptInjection = "ATLAS:AML.T0051";
    public const string AtlasJailbreak = "ATLAS:AML.T0054";
    public const string AtlasSystemPromptExtraction = "ATLAS:AML.T0056";
    public const string AtlasDataLeakage = "ATLAS:AML.T0057";

    /// <summary>
    /// garak's <c>owasp:llmNN</c> tags use the 2023 (v1.1) numbering, as garak's own tag list
    /// (garak/data/tags.misp.tsv) names them: llm01 Prompt Injection, llm02 Insecure Output Handling, llm03 Training
    /// Data Poisoning, llm04 Model Denial of Service, llm05 Supply Chain Vulnerabilities, llm06 Sensitive Information
    /// Disclosure, llm07 Insecure Plugin Design, llm08 Excessive Agency, llm09 Overreliance, llm10 Model Theft.
    /// Each maps to the 2025 entry that took it over; llm07 and llm10 have no 2025 entry of their own and are dropped.
    /// </summary>
    private static readonly Dictionary<string, string[]> GarakTags = new(StringComparer.OrdinalIgnoreCase)
    {
        ["owasp:llm01"] = [PromptInjection, AtlasPromptInjection],
        ["owasp:llm02"] = [ImproperOutputHandling],
        ["owasp:llm03"] = [DataAndModelPoisoning],
        ["owasp:llm04"] = [UnboundedConsumption],
        ["owasp:llm05"] = [SupplyChain],
        ["owasp:llm06"] = [SensitiveInformationDisclosure],
        ["owasp:llm08"] = [ExcessiveAgency],
        ["owasp:llm09"] = [Misinformation],
        ["payload:jailbreak"] = [AtlasJailbreak],
        ["payload:leak:training"] = [AtlasDataLeakage],
        ["payload:leak:chat"] = [AtlasDataLeakage],
    };

    /// <summary>
    /// garak's own probe tags, per probe module, for reports that do not carry them (report.jsonl without a digest,
    /// digests before 0.15, hitlogs). Source: the <c>probe_tags</c> garak 0.15.2 writes in its digest (corpus file
    /// garak/digest_0.15.2.pre1.json), which are the probe classes' <c>tags</c>; a module is listed with the tags
    /// every one of its probes carries (modules whose probes disagree, such as divergence, goodside, grandma and
    /// donotanswer, are left out). <c>xss</c> is web_injection's earlier name (garak/probes/xss.py tags owasp:llm02
    /// and owasp:llm06). Modules with no OWASP or payload tag (lmrc, malwaregen, apikey…) are not listed.
    /// </summary>
    private static readonly Dictionary<string, string[]> GarakModuleTags = new(StringComparer.OrdinalIgnoreCase)
    {
        ["adaptive_attacks"] = ["owasp:llm01", "payload:jailbreak"],
        ["ansiescape"] = ["owasp:llm01", "owasp:llm02", "owasp:llm05"],
        ["badchars"] = ["payload:jailbreak"],
        ["continuation"] = ["owasp:llm01"],
        ["dan"] = ["owasp:llm01", "payload:jailbreak"],
        ["dra"] = ["owasp:llm01", "payload:jailbreak"],
        ["encoding"] = ["owasp:llm01"],
        ["exploitation"] = ["owasp:llm02", "owasp:llm06"],
        ["latentinjection"] = ["owasp:llm01"],
        ["leakreplay"] = ["owasp:llm10", "owasp:llm06", "payload:leak:training"],
        ["misleading"] = ["owasp:llm09"],
        ["packagehallucination"] = ["owasp:llm09", "owasp:llm02"],
        ["phrasing"] = ["owasp:llm01", "payload:jailbreak"],
        ["promptinject"] = ["owasp:llm01"],
        ["sata"] = ["owasp:llm01", "payload:jailbreak"],
        ["snowball"] = ["owasp:llm09"],
        ["suffix"] = ["payload:jailbreak"],
        ["sysprompt_extraction"] = ["owasp:llm01"],
        ["tap"] = ["payload:jailbreak"],
        ["topic"] = ["owasp:llm10"],
        ["web_injection"] = ["owasp:llm02", "owasp:llm06"],
        ["xss"] = ["owasp:llm02", "owasp:llm06"],
    };

    /// <summary>
    /// promptfoo red-team plugins → OWASP LLM 2025 and ATLAS. Source: promptfoo's framework presets
    /// (src/redteam/constants, OWASP_LLM_TOP_10_MAPPING, keys owasp:llm:01…10 named after the 2025 entries); a
    /// preset lists a plugin under every entry it helps test, and this table keeps the entry that names the
    /// plugin's own risk (prompt-extraction is listed under 01, 02 and 07: System Prompt Leakage is kept).
    /// The ATLAS column follows the plugin's attack: injection, system prompt extraction, data leakage.
    /// Plugins that only test content policy (harmful:hate, harmful:violent-crime…) get no tag.
    /// </summary>
    private static readonly Dictionary<string, string[]> PromptfooPlugins = new(StringComparer.OrdinalIgnoreCase)
    {
        ["indirect-prompt-injection"] = [PromptInjection, AtlasPromptInjection],
        ["ascii-smuggling"] = [PromptInjection, AtlasPromptInjection],
        ["prompt-extraction"] = [SystemPromptLeakage, AtlasSystemPromptExtraction],
        ["pii"] = [SensitiveInformationDisclosure, AtlasDataLeakage],
        ["pii:direct"] = [SensitiveInformationDisclosure, AtlasDataLeakage],
        ["pii:api-db"] = [SensitiveInformationDisclosure, AtlasDataLeakage],
        ["pii:session"] = [SensitiveInformationDisclosure, AtlasDataLeakage],
        ["pii:social"] = [SensitiveInformationDisclosure, AtlasDataLeakage],
        ["harmful:privacy"] = [SensitiveInformationDisclosure, AtlasDataLeakage],
        ["cross-session-leak"] = [SensitiveInformationDisclosure, AtlasDataLeakage],
        ["shell-injection"] = [ImproperOutputHandling],
        ["sql-injection"] = [ImproperOutputHandling],
        ["ssrf"] = [ImproperOutputHandling],
        ["debug-access"] = [ImproperOutputHandling],
        ["excessive-agency"] = [ExcessiveAgency],
        ["rbac"] = [ExcessiveAgency],
        ["bfla"] = [ExcessiveAgency],
        ["bola"] = [ExcessiveAgency],
        ["hallucination"] = [Misinformation],
        ["overreliance"] = [Misinformation],
        ["harmful:misinformation-disinformation"] = [Misinformation],
        ["harmful:specialized-advice"] = [Misinformation],
    };

    /// <summary>
    /// promptfoo strategies that wrap a plugin's attack: its OWASP LLM01 preset lists the jailbreak and
    /// prompt-injection strategies. Strategies that only re-encode (base64, rot13, leetspeak) get no tag.
    /// </summary>
    private static readonly Dictionary<string, string[]> PromptfooStrategies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["prompt-injection"] = [PromptInjection, AtlasPromptInjection],
        ["jailbreak"] = [PromptInjection, AtlasJailbreak],
        ["jailbreak:composite"] = [PromptInjection, AtlasJailbreak],
        ["jailbreak:tree"] = [PromptInjection, AtlasJailbreak],
        ["jailbreak:likert"] = [PromptInjection, AtlasJailbreak],
        ["crescendo"] = [PromptInjection, AtlasJailbreak],
        ["goat"] = [PromptInjection, AtlasJailbreak],
    };

    /// <summary>The garak tags a probe class carries according to the module table (e.g. "dan.DanInTheWild" → owasp:llm01, payload:jailbreak).</summary>
    public static IReadOnlyList<string> GarakTagsOfModule(string probe) =>
        GarakModuleTags.TryGetValue(GarakModule(probe), out var tags) ? tags : [];

    /// <summary>Translates garak probe tags into taxonomy tags and CWE ids ("cwe:79" → CWE-79).</summary>
    public static (IReadOnlyList<string> Tags, IReadOnlyList<string> Cwes) FromGarak(string probe, IEnumerable<string> garakTags)
    {
        var tags = new List<string>();
        var cwes = new List<string?>();
        foreach (var tag in garakTags)
        {
            if (GarakTags.TryGetValue(tag, out var mapped))
            {
                tags.AddRange(mapped);
            }
            else if (tag.StartsWith("cwe:", StringComparison.OrdinalIgnoreCase))
            {
                cwes.Add(Identifiers.Cwe(tag[4..]));
            }
        }

        // The 2023 list garak tags against has no system-prompt entry; the module says what the probe attacks.
        if (string.Equals(GarakModule(probe), "sysprompt_extraction", StringComparison.OrdinalIgnoreCase))
        {
            tags.AddRange([SystemPromptLeakage, AtlasSystemPromptExtraction]);
        }

        return (Ordered(tags), Identifiers.Distinct(cwes));
    }

    /// <summary>Taxonomy tags for a promptfoo red-team result (plugin first, then strategy).</summary>
    public static IReadOnlyList<string> FromPromptfoo(string? pluginId, string? strategyId)
    {
        var tags = new List<string>();
        if (pluginId is not null && PromptfooPlugins.TryGetValue(pluginId, out var plugin))
        {
            tags.AddRange(plugin);
        }

        if (strategyId is not null && PromptfooStrategies.TryGetValue(strategyId, out var strategy))
        {
            tags.AddRange(strategy);
        }

        return Ordered(tags);
    }

    private static string GarakModule(string probe)
    {
        var name = probe.StartsWith("probes.", StringComparison.Ordinal) ? probe["probes.".Length..] : probe;
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot >= 0 ? name[..dot] : name;
    }

    /// <summary>OWASP tags before ATLAS tags, each group in the order found, without duplicates.</summary>
    private static string[] Ordered(List<string> tags) =>
        [.. tags.Where(t => t.StartsWith("OWASP", StringComparison.Ordinal)).Concat(tags.Where(t => !t.StartsWith("OWASP", StringComparison.Ordinal))).Distinct(StringComparer.Ordinal)];
}
