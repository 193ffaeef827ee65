using System.Globalization;
using System.Text;

namespace Rampart.Benchmarks.EndToEnd;

/// <summary>
/// Writes a SARIF 2.1.0 file shaped like a large CodeQL/Semgrep run: 40 rules with CWE tags and
/// security-severity, results spread over 5,000 files, one partial fingerprint each.
/// </summary>
internal static class SyntheticSarif
{
    private static readonly string[] Levels = ["error", "warning", "warning", "note"];
    private static readonly string[] Severities = ["9.8", "8.1", "7.5", "6.1", "5.3", "4.3", "3.1", "2.0"];

    /// <param name="changedEvery">When set, every n-th result gets another fingerprint and line: a variant of the same
    /// scan in which 1/n of the findings are new and as many are gone (n = 100 gives "1% changed").</param>
    public static void Write(string path, int results, int seed, int changedEvery = 0)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("""{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"SynthScan","version":"1.0.0","rules":[""");
        for (var r = 0; r < 40; r++)
        {
            if (r > 0)
            {
                writer.Write(',');
            }

            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $$$$"""{"id":"synth/rule-{{{{r}}}}","name":"Rule{{{{r}}}}","shortDescription":{"text":"Synthetic weakness number {{{{r}}}} reaching a dangerous sink"},"properties":{"tags":["security","external/cwe/cwe-{{{{79 + r}}}}"],"security-severity":"{{{{Severities[r % Severities.Length]}}}}"}}"""));
        }

        writer.Write("]}},\"results\":[");
        for (var i = 0; i < results; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            var rule = random.Next(40);
            var changed = changedEvery > 0 && i % changedEvery == 0;
            var hash = changed ? i + 0x40000000 : i;
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $$$$"""{"ruleId":"synth/rule-{{{{rule}}}}","ruleIndex":{{{{rule}}}},"level":"{{{{Levels[rule % Levels.Length]}}}}","message":{"text":"Untrusted data from request parameter flows into sink at step {{{{i % 97}}}}."},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"src/module{{{{i % 5000}}}}/file{{{{i % 13}}}}.js"},"region":{"startLine":{{{{1 + (i / 5000) + (changed ? 100000 : 0)}}}},"startColumn":5}}}],"partialFingerprints":{"primaryLocationLineHash":"{{{{hash:x8}}}}:1"}}"""));
        }

        writer.Write("]}]}");
    }
}
