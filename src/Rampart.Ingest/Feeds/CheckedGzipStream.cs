using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Rampart.Ingest.Feeds;

/// <summary>
/// Decompresses a gzip stream and, at its end, checks the trailer (CRC-32 and length of the data, RFC 1952 §2.3.1).
/// .NET's GZipStream ends quietly when a file is cut short, which would load a truncated day as if it were whole;
/// this stream throws <see cref="InvalidDataException"/> instead. Only single-member files verify (EPSS publishes one).
/// </summary>
internal sealed class CheckedGzipStream : Stream
{
    private readonly TailStream _compressed;
    private readonly GZipStream _gzip;
    private readonly Crc32 _crc = new();
    private long _length;
    private bool _verified;

    public CheckedGzipStream(Stream compressed)
    {
        _compressed = new TailStream(compressed);
        _gzip = new GZipStream(_compressed, CompressionMode.Decompress, leaveOpen: true);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _gzip.Read(buffer);
        return Account(buffer[..read]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _gzip.ReadAsync(buffer, cancellationToken);
        if (read == 0)
        {
            // Whatever GZipStream left unread (nothing, for a well-formed file) still ends the compressed data.
            await _compressed.CopyToAsync(Null, cancellationToken);
        }

        return Account(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Account(ReadOnlySpan<byte> data)
    {
        if (data.Length > 0)
        {
            _crc.Append(data);
            _length += data.Length;
            return data.Length;
        }

        if (!_verified)
        {
            _verified = true;
            var tail = _compressed.Tail;
            if (tail.Length < 8
                || BinaryPrimitives.ReadUInt32LittleEndian(tail) != _crc.GetCurrentHashAsUInt32()
                || BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]) != unchecked((uint)_length))
            {
                throw new InvalidDataException("the gzip data is truncated or corrupt (its CRC-32 and length trailer do not match the content)");
            }
        }

        return 0;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Passes bytes through and remembers the last eight, where gzip keeps its trailer.</summary>
    private sealed class TailStream(Stream inner) : Stream
    {
        private readonly byte[] _tail = new byte[8];
        private int _kept;

        public ReadOnlySpan<byte> Tail => _tail.AsSpan(0, _kept);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            Keep(buffer[..read]);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            Keep(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Keep(ReadOnlySpan<byte> data)
        {
            if (data.Length >= 8)
            {
                data[^8..].CopyTo(_tail);
                _kept = 8;
                return;
            }

            // Fewer than eight new bytes: shift the old ones left and append.
            var keepOld = Math.Min(_kept, 8 - data.Length);
            _tail.AsSpan(_kept - keepOld, keepOld).CopyTo(_tail);
            data.CopyTo(_tail.AsSpan(keepOld));
            _kept = keepOld + data.Length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
