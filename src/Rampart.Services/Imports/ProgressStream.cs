namespace Rampart.Services.Imports;

/// <summary>A read-only pass-through that reports how many bytes have been read, at most every 64 KiB.</summary>
internal sealed class ProgressStream(Stream inner, IProgress<long> progress) : Stream
{
    private const long ReportEvery = 64 * 1024;

    private long _read;
    private long _reported;

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Reports completion: a reader may stop before trailing whitespace it has no need to read.</summary>
    public void ReportDone(long total) => progress.Report(total);

    private int Count(int read)
    {
        _read += read;
        if (read == 0 || _read - _reported >= ReportEvery)
        {
            _reported = _read;
            progress.Report(_read);
        }

        return read;
    }
}
