using System.Text;
using Rampart.Core.Findings;
using Rampart.Testing;

namespace Rampart.Ingest.Tests;

public sealed class FormatDetectionTests
{
    [Fact]
    public async Task Detect_CycloneDxXml_IsDetectedAndRead()
    {
        var format = ReportFile.DetectCorpus("cyclonedx/cdx-1.4_grype-0.41.0_log4j.xml");
        var outcome = await ReportFile.ReadCorpusAsync("cyclonedx/cdx-1.4_grype-0.41.0_log4j.xml");

        // 8 <vulnerability> elements, each with one affects/target (python3 ElementTree; see CycloneDxInventoryTests).
        Assert.Equal(ReportFormat.CycloneDx, format);
        Assert.Equal((ReportFormat.CycloneDx, 8), (outcome.Metadata.Format, outcome.Findings.Count));
    }

    [Fact]
    public async Task ReadAsync_CycloneDxXmlForcedAsCycloneDx_IsRead()
    {
        var outcome = await ReportFile.ReadCorpusAsync("cyclonedx/cdx-1.4_grype-0.41.0_log4j.xml", ReportFormat.CycloneDx);

        Assert.Equal(8, outcome.Findings.Count);
    }

    [Fact]
    public void Detect_OtherXml_IsNotRecognized()
    {
        var error = Assert.Throws<ReportFormatException>(() => Detect("<?xml version=\"1.0\"?><project xmlns=\"http://maven.apache.org/POM/4.0.0\"/>"));

        Assert.Contains("not a recognized report format", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_UnrelatedJson_IsNotRecognizedAndListsFormats()
    {
        var error = Assert.Throws<ReportFormatException>(() => Detect("""{"hello":1}"""));

        Assert.Contains("hello.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a recognized report format", error.Message, StringComparison.Ordinal);
        Assert.Contains("(supported: SARIF 2.1.0, CycloneDX JSON/XML,", error.Message, StringComparison.Ordinal);
        Assert.Contains("Rampart generic JSON/CSV)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_EmptyFile_SaysItIsEmpty()
    {
        var error = Assert.Throws<ReportFormatException>(() => Detect(""));

        Assert.Equal("the file is empty; to record an empty scan, name the format (--format)", error.Reason);
    }

    [Fact]
    public void Detect_WhitespaceOnly_SaysItIsEmpty()
    {
        var error = Assert.Throws<ReportFormatException>(() => Detect(" \r\n\t  \n"));

        Assert.Equal("the file is empty; to record an empty scan, name the format (--format)", error.Reason);
    }

    [Fact]
    public void Detect_Stream_IsRewound()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("null"));

        ReportReaders.Detect(stream, "null.json");

        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void Detect_SarifWithoutSchema_RecognizedByVersionAndRuns()
    {
        var format = Detect("""{"version":"2.1.0","runs":[]}""");

        Assert.Equal(ReportFormat.Sarif, format);
    }

    [Fact]
    public void Detect_Utf8Bom_IsSkipped()
    {
        using var stream = new MemoryStream([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"bomFormat":"CycloneDX"}""")]);

        var format = ReportReaders.Detect(stream, "bom.json");

        Assert.Equal(ReportFormat.CycloneDx, format);
    }

    [Fact]
    public void Detect_TrivyLegacyArray_RecognizedByFirstTarget()
    {
        var format = Detect("""[{"Target":"debian (debian 10.8)","Vulnerabilities":null}]""");

        Assert.Equal(ReportFormat.Trivy, format);
    }

    [Fact]
    public async Task ReadAsync_AutoOnNonSeekableStream_DetectsAndReads()
    {
        await using var file = File.OpenRead(Corpus.File("sarif/gosec.sarif"));
        await using var stream = new ForwardOnlyStream(file);

        var outcome = await ReportFile.ReadAsync(stream, "gosec.sarif");

        Assert.Equal((ReportFormat.Sarif, 21), (outcome.Metadata.Format, outcome.Findings.Count));
    }

    private static ReportFormat Detect(string content)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return ReportReaders.Detect(stream, content.StartsWith('<') ? "report.xml" : "hello.json");
    }
}
