using Rampart.Core.Findings;
using Rampart.Core.Ingest;

namespace Rampart.Ingest.Tests.BadInput;

/// <summary>
/// Inputs at the scale of real CI artifacts and beyond, generated on the fly (no disk, no test-side memory).
/// Heavy but part of the normal run; filter them out with <c>--filter "Category!=Heavy"</c>. They run alone, not in
/// parallel with other tests: their 256 MB buffers would distort the memory measured by StreamingTests.
/// </summary>
[Collection(nameof(HeavyInputTests))]
public sealed class HeavyInputTests
{
    private const long TwoGigabytes = 2L * 1024 * 1024 * 1024;
    private const string SarifHead = """{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"T"}},""";

    [Fact]
    [Trait("Category", "Heavy")]
    public async Task ReadAsync_MillionGeneratedResults_StreamsExactlyAMillion()
    {
        await using var stream = new GeneratedSarifStream(1_000_000);

        var count = 0;
        await foreach (var finding in ReportReaders.ReadAsync(stream, "million.sarif", ReportFormat.Auto, new ReportMetadata(), TestContext.Current.CancellationToken))
        {
            count++;
        }

        Assert.Equal(1_000_000, count);
    }

    /// <summary>
    /// A 2 GB string padded with spaces can only be read by holding it whole; the reader refuses an entry larger than
    /// its 256 MB buffer limit, whether the value is skipped (run properties) or materialized (a result's message).
    /// </summary>
    [Theory]
    [Trait("Category", "Heavy")]
    [InlineData("\"properties\":{\"padding\":\"", "\"},\"results\":[]}]}")]
    [InlineData("\"results\":[{\"ruleId\":\"R\",\"message\":{\"text\":\"", "\"}}]}]}")]
    public async Task ReadAsync_TwoGigabyteStringValue_FailsClearlyAtBufferLimit(string before, string after)
    {
        await using var stream = new PaddedStream(SarifHead + before, TwoGigabytes, after);

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadAsync(stream, "huge.sarif"));

        Assert.Equal("a single entry is larger than 256 MB", error.Reason);
        Assert.StartsWith("huge.sarif:1 (byte ", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>Runs <see cref="HeavyInputTests"/> with no other test at the same time.</summary>
[CollectionDefinition(nameof(HeavyInputTests), DisableParallelization = true)]
public sealed class HeavyInputCollection;
