using System.Text;
using Rampart.Core.Findings;

namespace Rampart.Ingest.Tests.Generic;

public sealed class GenericCsvReportTests
{
    /// <summary>
    /// Expected values from the file itself, parsed by Python's csv module (RFC 4180 quoting):
    /// <c>python3 -c "import csv; print(len(list(csv.DictReader(open('docs/formats/examples/generic.csv', newline='')))))"</c> gives 3.
    /// </summary>
    [Fact]
    public async Task ReadAsync_DocsExample_ReadsEveryRow()
    {
        var outcome = await DocsExample.ReadAsync("generic.csv");

        Assert.Equal(3, outcome.Findings.Count);
        Assert.Equal((ReportFormat.GenericCsv, "acme-audit"), (outcome.Metadata.Format, outcome.Metadata.Tool));
        Assert.Equal([FindingKind.Vulnerability, FindingKind.Code, FindingKind.Misconfiguration], outcome.Findings.Select(f => f.Kind));
        Assert.Equal([Severity.High, Severity.High, Severity.Medium], outcome.Findings.Select(f => f.ToolSeverity));
        Assert.Equal([false, false, true], outcome.Findings.Select(f => f.Suppressed));
    }

    [Fact]
    public void Detect_DocsExample_IsGenericCsv()
    {
        Assert.Equal(ReportFormat.GenericCsv, DocsExample.Detect("generic.csv"));
    }

    [Fact]
    public async Task ReadAsync_DocsExampleFirstRow_IsVulnerabilityWithSemicolonSeparatedIds()
    {
        var outcome = await DocsExample.ReadAsync("generic.csv");

        var finding = outcome.Findings[0];
        Assert.Equal(["CVE-2021-23337", "GHSA-35jh-r3h4-6jhm"], finding.VulnerabilityIds);
        Assert.Equal(("lodash", "4.17.20", "pkg:npm/lodash@4.17.20", "4.17.21"), (finding.ComponentName, finding.ComponentVersion, finding.ComponentPurl, finding.FixedVersion));
        Assert.Equal(("ACME-DEP-001", "package-lock.json", (int?)null), (finding.RuleId, finding.LocationPath, finding.StartLine));
        Assert.Equal(["CWE-94"], finding.Cwes);
    }

    [Fact]
    public async Task ReadAsync_DocsExampleQuotedMultilineCell_KeepsLineBreakAndQuotes()
    {
        var outcome = await DocsExample.ReadAsync("generic.csv");

        var finding = outcome.Findings[1];
        Assert.Equal("The order id from the request reaches cursor.execute()\nwithout a parameter, so \"1 OR 1=1\" returns every order.", finding.Description);
        Assert.Equal(("src/orders/repository.py", 42), (finding.LocationPath, finding.StartLine));
        Assert.Equal(["CWE-89"], finding.Cwes);
    }

    [Fact]
    public async Task ReadAsync_ColumnsInAnyOrderAndCase_AreRead()
    {
        var outcome = await ReadAsync("Severity,TITLE, Tool ,Line,Path\r\nlow,A,T,7,a.py\r\n");

        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(("A", Severity.Low, "T", "a.py", (int?)7), (finding.Title, finding.ToolSeverity, finding.Tool, finding.LocationPath, finding.StartLine));
    }

    [Fact]
    public async Task ReadAsync_HeaderOnly_IsZeroFindings()
    {
        var outcome = await ReadAsync("tool,title,severity\n");

        Assert.Empty(outcome.Findings);
        Assert.Equal(ReportFormat.GenericCsv, outcome.Metadata.Format);
    }

    [Fact]
    public async Task ReadAsync_UnknownColumn_NamesIt()
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReadAsync("tool,title,severity,fixed_verison\nT,a,low,1.2\n"));

        Assert.StartsWith("unknown column \"fixed_verison\"", error.Reason, StringComparison.Ordinal);
        Assert.StartsWith("report.csv:1:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tool,title\nT,a\n", "the header has no \"severity\" column")]
    [InlineData("title,severity,tool,Title\na,low,T,b\n", "the column \"title\" appears twice")]
    [InlineData("tool,title,severity,\nT,a,low,\n", "column 4 of the header has no name")]
    public async Task ReadAsync_BadHeader_Throws(string csv, string reason)
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReadAsync(csv, ReportFormat.GenericCsv));

        Assert.StartsWith(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
    }

    [Theory]
    [InlineData("T,b,severe", "severity \"severe\" is not one of critical, high, medium, low, info")]
    [InlineData("T,b,10.5", "severity 10.5 is outside the 0–10 score range")]
    [InlineData("T,,low", "title is required")]
    [InlineData(",b,low", "tool is required")]
    [InlineData("Other,b,low", "tool \"Other\" differs from \"T\" in the first row")]
    public async Task ReadAsync_BadRow_NamesItsLine(string row, string reason)
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReadAsync($"tool,title,severity\nT,a,low\n\n{row}\n"));

        Assert.StartsWith(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(4, error.Line);
        Assert.StartsWith("report.csv:4 (byte 29)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("T,\"a\nb\",low\nT,c\"d,low\n", "a quote inside an unquoted field", 4)]
    [InlineData("T,a,low,extra\n", "has 4 fields but 3 were expected", 2)]
    [InlineData("T,a\n", "has 2 fields but 3 were expected", 2)]
    [InlineData("T,\"a,low\nT,b,low\n", "a quoted field that is never closed", 2)]
    public async Task ReadAsync_MalformedCsv_NamesTheLine(string rows, string reason, int line)
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReadAsync("tool,title,severity\n" + rows));

        Assert.StartsWith("invalid CSV (RFC 4180): ", error.Reason, StringComparison.Ordinal);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public async Task ReadAsync_ListCells_SplitOnSpacesSemicolonsAndCommas()
    {
        var outcome = await ReadAsync("tool,title,severity,ids,cwes,tags,cvss,component_name,component_version\nT,a,critical,\"CVE-2021-44228, GHSA-jfh8-c2jp-5v3q;cve-2021-44228\",79 CWE-89,OWASP:A03:2021,CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H,log4j-core,2.14.1\n");

        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(["CVE-2021-44228", "GHSA-jfh8-c2jp-5v3q"], finding.VulnerabilityIds);
        Assert.Equal(["CWE-79", "CWE-89"], finding.Cwes);
        Assert.Equal(["OWASP:A03:2021"], finding.Tags);
        Assert.Equal(["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"], finding.CvssVectors);
        Assert.Equal((FindingKind.Vulnerability, Severity.Critical), (finding.Kind, finding.ToolSeverity));
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8InRow_ThrowsWithLineAndByte()
    {
        byte[] content = [.. "tool,title,severity\nT,a,low\nT,b"u8, 0xFF, .. ",low\n"u8];

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(content, "latin1.csv", ReportFormat.GenericCsv));

        Assert.Equal(("the file is not valid UTF-8", 3L, 31L), (error.Reason, error.Line, error.BytePosition));
    }

    [Fact]
    public async Task ReadAsync_Bom_IsSkipped()
    {
        byte[] content = [0xEF, 0xBB, 0xBF, .. "tool,title,severity\nT,a,info\n"u8];

        var outcome = await ReportFile.ReadBytesAsync(content, "bom.csv");

        Assert.Equal("a", Assert.Single(outcome.Findings).Title);
    }

    [Fact]
    public async Task ReadAsync_EmptyFileForcedAsCsv_SaysItIsEmpty()
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync([], "empty.csv", ReportFormat.GenericCsv));

        Assert.StartsWith("the file is empty", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SarifForcedAsCsv_SaysUnknownColumn()
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadCorpusAsync("sarif/bandit-1.9.3.sarif", ReportFormat.GenericCsv));

        Assert.Contains("bandit-1.9.3.sarif:1: unknown column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ManyRows_StreamsThemAll()
    {
        const int count = 50_000;
        var builder = new StringBuilder("tool,title,severity,line\n");
        for (var i = 1; i <= count; i++)
        {
            builder.Append("T,title ").Append(i).Append(",medium,").Append(i).Append('\n');
        }

        await using var stream = new ForwardOnlyStream(new MemoryStream(Encoding.UTF8.GetBytes(builder.ToString())), maxChunk: 1000);
        var seen = 0;
        await foreach (var finding in ReportReaders.ReadAsync(stream, "many.csv", ReportFormat.Auto, new Core.Ingest.ReportMetadata(), TestContext.Current.CancellationToken))
        {
            Assert.Equal(++seen, finding.StartLine);
        }

        Assert.Equal(count, seen);
    }

    private static Task<ReadOutcome> ReadAsync(string csv, ReportFormat format = ReportFormat.Auto) =>
        ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(csv), "report.csv", format);
}
