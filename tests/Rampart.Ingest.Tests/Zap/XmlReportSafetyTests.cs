using System.Text;
using Rampart.Core.Findings;

namespace Rampart.Ingest.Tests.Zap;

/// <summary>
/// The XML readers (ZAP, Dependency-Check) refuse DTDs before any entity is declared or expanded, whatever
/// format is forced, and report broken XML with the file and the line.
/// </summary>
public sealed class XmlReportSafetyTests
{
    private const string ExternalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE OWASPZAPReport [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <OWASPZAPReport version="2.14.0" generated="Sun, 7 Apr 2024 01:18:39">
        <site name="https://a.example"><alerts><alertitem><pluginid>1</pluginid><name>&xxe;</name><riskcode>3</riskcode></alertitem></alerts></site>
        </OWASPZAPReport>
        """;

    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE analysis [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <analysis xmlns="https://jeremylong.github.io/DependencyCheck/dependency-check.2.5.xsd">
          <projectInfo><name>&lol9;</name></projectInfo>
        </analysis>
        """;

    [Theory]
    [InlineData(ReportFormat.Zap)]
    [InlineData(ReportFormat.DependencyCheck)]
    public async Task ReadAsync_ExternalEntityForced_ThrowsNamingTheDtd(ReportFormat format)
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(
            () => ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(ExternalEntity), "xxe.xml", format));

        Assert.Equal("xxe.xml", error.FileName);
        Assert.Contains("DTD", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportFormat.Zap)]
    [InlineData(ReportFormat.DependencyCheck)]
    public async Task ReadAsync_BillionLaughsForced_ThrowsNamingTheDtd(ReportFormat format)
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(
            () => ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(BillionLaughs), "laughs.xml", format));

        Assert.Equal("laughs.xml", error.FileName);
        Assert.Contains("DTD", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xxe.xml")]
    [InlineData("laughs.xml")]
    public async Task ReadAsync_DtdAutoDetected_ThrowsNamingTheDtd(string name)
    {
        var content = name == "xxe.xml" ? ExternalEntity : BillionLaughs;

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(content), name));

        Assert.Contains("DTD", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportFormat.Zap, "<OWASPZAPReport version=\"2.14.0\">\n<site name=\"a\">\n<alerts>\n<alertitem>\n<pluginid>1</plugin", 5)]
    [InlineData(ReportFormat.DependencyCheck, "<analysis>\n<dependencies>\n<dependency>\n<fileName>a.jar</fileName>\n", 5)]
    public async Task ReadAsync_TruncatedXml_ThrowsWithLine(ReportFormat format, string content, int line)
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(
            () => ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(content), "cut.xml", format));

        Assert.Equal("cut.xml", error.FileName);
        Assert.Equal(line, error.Line);
        Assert.Contains("not well-formed", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportFormat.Zap)]
    [InlineData(ReportFormat.DependencyCheck)]
    public async Task ReadAsync_InvalidUtf8InXml_Throws(ReportFormat format)
    {
        var root = format == ReportFormat.Zap ? "OWASPZAPReport" : "analysis";
        byte[] content = [.. Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<{root}>\n<x>"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes($"</x></{root}>")];

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(content, "bad.xml", format));

        Assert.Equal("bad.xml", error.FileName);
    }

    [Theory]
    [InlineData(ReportFormat.Zap)]
    [InlineData(ReportFormat.DependencyCheck)]
    public async Task ReadAsync_ContentAfterRoot_Throws(ReportFormat format)
    {
        var root = format == ReportFormat.Zap ? "OWASPZAPReport" : "analysis";
        var content = $"<{root}></{root}>\n<{root}></{root}>";

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(content), "two-roots.xml", format));

        Assert.Equal(2, error.Line);
    }
}
