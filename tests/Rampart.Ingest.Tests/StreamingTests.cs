using System.Text;
using Rampart.Core.Findings;
using Rampart.Testing;

namespace Rampart.Ingest.Tests;

/// <summary>Measures process-wide memory, so it runs alone (with the heavy inputs) rather than beside other tests.</summary>
[Collection(nameof(BadInput.HeavyInputTests))]
public sealed class StreamingTests
{
    [Fact]
    public async Task ReadAsync_TwoHundredThousandGeneratedResults_StreamsThemAll()
    {
        await using var stream = new GeneratedSarifStream(200_000);

        var count = 0;
        long maxGrowth = 0;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var metadata = new Core.Ingest.ReportMetadata();
        await foreach (var finding in ReportReaders.ReadAsync(stream, "generated.sarif", ReportFormat.Auto, metadata, TestContext.Current.CancellationToken))
        {
            count++;
            if (count % 50_000 == 0)
            {
                maxGrowth = Math.Max(maxGrowth, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        Assert.Equal(200_000, count);
        Assert.True(stream.BytesServed > 40_000_000, $"the generated file should be large, was {stream.BytesServed} bytes");
        Assert.True(maxGrowth < 16_000_000, $"memory should stay bounded by one result, but grew by {maxGrowth} bytes while reading {stream.BytesServed} bytes");
    }

    [Fact]
    public async Task ReadAsync_ResultLargerThanBuffer_GrowsBuffer()
    {
        var message = new string('x', 3_000_000);
        var sarif = $$$"""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T"}},"results":[{"ruleId":"A","message":{"text":"{{{message}}}"}},{"ruleId":"B","message":{"text":"small"}}]}]}""";

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(sarif), "big-result.sarif");

        Assert.Equal(["A", "B"], outcome.Findings.Select(f => f.RuleId));
        Assert.Equal(4000, outcome.Findings[0].Message!.Length);
    }

    [Theory]
    [InlineData("sarif/codeql-2.20.4_javascript.sarif")]
    [InlineData("sarif/snyk-open-source-1.1294.0.sarif")]
    [InlineData("cyclonedx/cdx-1.5_trivy-0.48.1.json")]
    [InlineData("trivy/k8s_cluster_resources.json")]
    public async Task ReadAsync_TinyReads_GiveSameFindingsAsWholeFile(string file)
    {
        var expected = await ReportFile.ReadCorpusAsync(file);
        var bytes = await File.ReadAllBytesAsync(Corpus.File(file), TestContext.Current.CancellationToken);
        await using var stream = new ForwardOnlyStream(new MemoryStream(bytes), maxChunk: 7);

        var actual = await ReportFile.ReadAsync(stream, Path.GetFileName(file));

        Assert.Equal(expected.Findings.Select(FindingFingerprint.CanonicalKey), actual.Findings.Select(FindingFingerprint.CanonicalKey));
        Assert.Equal(expected.Findings.Select(f => f.Message), actual.Findings.Select(f => f.Message));
    }

    [Fact]
    public async Task ReadAsync_MultibyteTextSplitAcrossReads_IsDecoded()
    {
        var sarif = """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"T"}},"results":[{"ruleId":"R","message":{"text":"héllo — 世界 🔒"}}]}]}""";
        await using var stream = new ForwardOnlyStream(new MemoryStream(Encoding.UTF8.GetBytes(sarif)), maxChunk: 1);

        var outcome = await ReportFile.ReadAsync(stream, "utf8.sarif");

        Assert.Equal("héllo — 世界 🔒", Assert.Single(outcome.Findings).Message);
    }
}
