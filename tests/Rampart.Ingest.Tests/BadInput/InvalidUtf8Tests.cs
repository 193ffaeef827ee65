using System.Text;
using Rampart.Core.Findings;

namespace Rampart.Ingest.Tests.BadInput;

/// <summary>Invalid UTF-8 anywhere in a report, long after the bytes detection looked at, is an error with its exact byte position.</summary>
public sealed class InvalidUtf8Tests
{
    private static readonly byte[] Result = Encoding.UTF8.GetBytes("""{"ruleId":"R","message":{"text":"a message with some text — and a non-ASCII dash"}},""" + "\n");

    public static TheoryData<byte[]> BadSequences => new()
    {
        { [0xFF] },                  // never valid in UTF-8
        { [0xC3, 0x28] },            // a lead byte followed by ASCII
        { [0xE2, 0x82] },            // a three-byte sequence cut short
        { [0xED, 0xA0, 0x80] },      // an encoded UTF-16 surrogate
        { [0xC0, 0xAF] },            // an overlong encoding of '/'
    };

    [Theory]
    [MemberData(nameof(BadSequences))]
    public async Task ReadAsync_InvalidSequenceInMiddleOfOneMegabyteSarif_GivesItsBytePosition(byte[] sequence)
    {
        var (content, position) = SarifWithBadBytesAt(512 * 1024, sequence, total: 1024 * 1024);

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(content, "mid.sarif"));

        Assert.Equal("the file is not valid UTF-8", error.Reason);
        Assert.Equal(position, error.BytePosition);
        Assert.Contains($"mid.sarif (byte {position})", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4093)]
    public async Task ReadAsync_InvalidByteWithReadsOfAnySize_GivesSamePosition(int chunk)
    {
        var (content, position) = SarifWithBadBytesAt(700_001, [0xF0, 0x9F, 0x98], total: 1024 * 1024);
        await using var stream = new ForwardOnlyStream(new MemoryStream(content), chunk);

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadAsync(stream, "chunked.sarif"));

        Assert.Equal(position, error.BytePosition);
    }

    [Fact]
    public async Task ReadAsync_SequenceCutByEndOfFile_IsInvalid()
    {
        byte[] content = [.. """{"version":"2.1.0","runs":[]}"""u8, 0xE2, 0x82];

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(content, "cut.sarif", ReportFormat.Sarif));

        Assert.Equal(("the file is not valid UTF-8", 29L), (error.Reason, error.BytePosition));
    }

    /// <summary>A SARIF log of about <paramref name="total"/> bytes whose result messages hold <paramref name="sequence"/> at or after <paramref name="at"/>.</summary>
    private static (byte[] Content, long Position) SarifWithBadBytesAt(int at, byte[] sequence, int total)
    {
        var content = new List<byte>(total + 1024);
        content.AddRange("""{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"T"}},"results":["""u8.ToArray());
        while (content.Count < at)
        {
            content.AddRange(Result);
        }

        content.AddRange("""{"ruleId":"R","message":{"text":"bad here: """u8.ToArray());
        var position = content.Count;
        content.AddRange(sequence);
        content.AddRange("""  "}},"""u8.ToArray());
        while (content.Count < total)
        {
            content.AddRange(Result);
        }

        content.AddRange("""{"ruleId":"R","message":{"text":"last"}}]}]}"""u8.ToArray());
        return ([.. content], position);
    }
}
