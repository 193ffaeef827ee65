using System.Text;
using Rampart.Core.Findings;
using Rampart.Data;
using Rampart.Ingest;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Imports;

/// <summary>
/// Issue 3's bad-input list through the whole import on both databases: each file is refused with a message naming
/// it (or read leniently, as documented), and a refused file leaves the database exactly as it was.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly TableCounts Empty = new(0, 0, 0, 0);

    public static TheoryData<DatabaseProvider, string, string, ReportFormat, string> Refused()
    {
        var data = new TheoryData<DatabaseProvider, string, string, ReportFormat, string>();
        var cases = new (string Name, string Content, ReportFormat Format, string Phrase)[]
        {
            ("xxe.xml", """<?xml version="1.0"?><!DOCTYPE bom [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><bom xmlns="http://cyclonedx.org/schema/bom/1.4"><components><component type="library"><name>&xxe;</name></component></components></bom>""", ReportFormat.Auto, "DTD"),
            ("xxe-forced.xml", """<?xml version="1.0"?><!DOCTYPE OWASPZAPReport [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><OWASPZAPReport version="2.14.0"><site name="&xxe;"/></OWASPZAPReport>""", ReportFormat.Zap, "DTD"),
            ("laughs.xml", """<?xml version="1.0"?><!DOCTYPE analysis [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><analysis xmlns="https://jeremylong.github.io/DependencyCheck/dependency-check.2.5.xsd"><projectInfo><name>&c;</name></projectInfo></analysis>""", ReportFormat.DependencyCheck, "DTD"),
            ("truncated.xml", """<?xml version="1.0"?><OWASPZAPReport version="2.14.0"><site name="https://x.test"><alerts><alertitem><pluginid>10021</pluginid>""", ReportFormat.Auto, "xml"),
            ("nested.json", "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"T\"}},\"results\":[{\"ruleId\":\"a\",\"properties\":{\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}}]}]}", ReportFormat.Sarif, "nested.json"),
            ("sarif-as-grype.json", """{"version":"2.1.0","$schema":"https://json.schemastore.org/sarif-2.1.0.json","runs":[]}""", ReportFormat.Grype, "sarif-as-grype.json"),
        };
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var (name, content, format, phrase) in cases)
            {
                data.Add(provider, name, content, format, phrase);
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(Refused))]
    public async Task ImportAsync_HostileFile_RefusedNamingTheFileAndNothingWritten(DatabaseProvider provider, string name, string content, ReportFormat format, string phrase)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => harness.ImportAsync("hostile", Encoding.UTF8.GetBytes(content), name, format));

        Assert.StartsWith(name, error.Message, StringComparison.Ordinal);
        Assert.Contains(phrase, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal); // no entity was ever resolved
        Assert.Equal(Empty, await harness.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_InvalidUtf8AfterTheFirstBatch_RefusedWithItsBytePositionAndRolledBack(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        // 6,000 results (more than one write batch), then a byte that is not UTF-8 inside the last message.
        var results = string.Join(',', Enumerable.Range(0, 6000).Select(i =>
            "{\"ruleId\":\"r" + (i % 7) + "\",\"message\":{\"text\":\"m" + i + "\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/f" + i + ".js\"},\"region\":{\"startLine\":" + (i + 1) + "}}}]}"));
        var prefix = Encoding.UTF8.GetBytes("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"T\"}},\"results\":[" + results + ",{\"ruleId\":\"bad\",\"message\":{\"text\":\"x");
        var content = prefix.Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}}]}]}")).ToArray();

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => harness.ImportAsync("hostile", content, "bad-utf8.sarif"));

        Assert.StartsWith("bad-utf8.sarif", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.BytePosition);
        Assert.Equal(Empty, await harness.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_AbsurdNumbers_ReadLenientlyAsDocumented(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        // security-severity 11.0 is outside CVSS's 0–10 and is ignored (the level decides: error → High);
        // a negative start line is ignored (no line).
        var sarif = """
            {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T","rules":[{"id":"r1","properties":{"security-severity":"11.0"}}]}},
             "results":[{"ruleId":"r1","level":"error","message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.js"},"region":{"startLine":-5}}}]}]}]}
            """;

        var result = await harness.ImportAsync("lenient", Encoding.UTF8.GetBytes(sarif), "absurd.sarif");

        Assert.Equal(1, result.New);
        var finding = Assert.Single(await harness.FindingsAsync("lenient"));
        Assert.Null(finding.LocationLine);
        Assert.Equal(Severity.High, finding.ToolSeverity);
    }
}
