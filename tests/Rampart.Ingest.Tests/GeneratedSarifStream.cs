using System.Globalization;
using System.Text;

namespace Rampart.Ingest.Tests;

/// <summary>A SARIF log of <c>count</c> results produced on the fly, so a huge report costs no memory in the test itself.</summary>
internal sealed class GeneratedSarifStream(int count) : Stream
{
    private static readonly byte[] Head = Encoding.UTF8.GetBytes(
        """{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"Gen","rules":[{"id":"G1","shortDescription":{"text":"Generated rule"}}]}},"results":[""");

    private static readonly byte[] Tail = Encoding.UTF8.GetBytes("]}]}");

    private byte[] _pending = Head;
    private int _pendingOffset;
    private int _next;

    public long BytesServed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_pendingOffset == _pending.Length && !Advance())
            {
                break;
            }

            var take = Math.Min(buffer.Length - written, _pending.Length - _pendingOffset);
            _pending.AsSpan(_pendingOffset, take).CopyTo(buffer[written..]);
            _pendingOffset += take;
            written += take;
        }

        BytesServed += written;
        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private bool Advance()
    {
        if (_next > count)
        {
            return false;
        }

        var i = _next++;
        _pendingOffset = 0;
        _pending = i == count
            ? Tail
            : Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"{(i == 0 ? "" : ",")}{{\"ruleId\":\"G1\",\"ruleIndex\":0,\"level\":\"warning\","
                + $"\"message\":{{\"text\":\"Generated finding number {i} with some padding text to look like a real message\"}},"
                + $"\"locations\":[{{\"physicalLocation\":{{\"artifactLocation\":{{\"uri\":\"src/file{i % 997}.cs\",\"uriBaseId\":\"%SRCROOT%\"}},"
                + $"\"region\":{{\"startLine\":{i % 5000 + 1}}}}}}}],\"partialFingerprints\":{{\"primaryLocationLineHash\":\"{i:x8}:1\"}}}}"));
        return true;
    }
}
