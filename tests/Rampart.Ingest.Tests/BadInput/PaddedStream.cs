using System.Text;

namespace Rampart.Ingest.Tests.BadInput;

/// <summary>
/// <c>head</c>, then <c>padding</c> spaces, then <c>tail</c>, produced on the fly: a file of any size (2 GB and more)
/// that costs the test no memory and no disk.
/// </summary>
internal sealed class PaddedStream(string head, long padding, string tail) : Stream
{
    private readonly byte[] _head = Encoding.UTF8.GetBytes(head);
    private readonly byte[] _tail = Encoding.UTF8.GetBytes(tail);
    private long _position;

    public long TotalLength => _head.Length + padding + _tail.Length;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && _position < TotalLength)
        {
            var rest = buffer[written..];
            int n;
            if (_position < _head.Length)
            {
                n = Math.Min(rest.Length, _head.Length - (int)_position);
                _head.AsSpan((int)_position, n).CopyTo(rest);
            }
            else if (_position < _head.Length + padding)
            {
                n = (int)Math.Min(rest.Length, _head.Length + padding - _position);
                rest[..n].Fill((byte)' ');
            }
            else
            {
                var at = (int)(_position - _head.Length - padding);
                n = Math.Min(rest.Length, _tail.Length - at);
                _tail.AsSpan(at, n).CopyTo(rest);
            }

            written += n;
            _position += n;
        }

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
}
