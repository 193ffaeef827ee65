using System.Text.Json;
using Rampart.Ingest.Json;

namespace Rampart.Ingest.Formats.Garak;

/// <summary>
/// Reads JSON Lines one line at a time with memory bounded by the longest line (at most
/// <see cref="MaxLineLength"/>); each line is parsed on its own and errors name the file, the line and its byte.
/// </summary>
internal sealed class JsonLineReader(Stream stream, string fileName)
{
    public const int MaxLineLength = 16 * 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private long _bufferOffset;
    private bool _isFinal;
    private bool _started;

    /// <summary>The 1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The byte offset where the line last returned starts.</summary>
    public long LineStart { get; private set; }

    /// <summary>
    /// The next non-blank line as a JSON document the caller disposes before reading on (it uses the reader's
    /// buffer); null at the end of the file.
    /// </summary>
    public async ValueTask<JsonDocument?> ReadAsync(CancellationToken cancellationToken)
    {
        while (await ReadLineAsync(cancellationToken) is { } line)
        {
            var span = line.Span;
            if (Utf8Check.IsBlank(span))
            {
                continue;
            }

            var invalid = Utf8Check.FindInvalid(span);
            if (invalid >= 0)
            {
                throw Invalid("the file is not valid UTF-8", LineStart + invalid);
            }

            try
            {
                var document = JsonDocument.Parse(line, DocumentOptions);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    var kind = document.RootElement.ValueKind;
                    document.Dispose();
                    throw Invalid($"each line must be a JSON object, not {kind}");
                }

                return document;
            }
            catch (JsonException ex)
            {
                // The reader's message ends with its own 0-based "LineNumber: 0 | BytePositionInLine: m."; the line is ours.
                var message = ex.Message;
                var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
                var reason = cut > 0 ? message[..cut] : message;
                var position = LineStart + (ex.BytePositionInLine ?? 0);
                throw new ReportFormatException(fileName, $"line {LineNumber} is not valid JSON: {reason}", LineNumber, position, ex);
            }
        }

        return null;
    }

    public ReportFormatException Invalid(string reason, long? bytePosition = null) =>
        new(fileName, reason, LineNumber > 0 ? LineNumber : null, bytePosition ?? LineStart);

    private async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var searched = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return TakeLine(searched + newline, 1);
            }

            searched = _end - _start;
            if (searched > MaxLineLength)
            {
                LineNumber++;
                LineStart = _bufferOffset + _start;
                throw Invalid($"line {LineNumber} is longer than {MaxLineLength / (1024 * 1024)} MB");
            }

            if (_isFinal)
            {
                // Not a conditional expression: null would convert to an empty ReadOnlyMemory (from a null array).
                if (_start == _end)
                {
                    return null;
                }

                return TakeLine(_end - _start, 0);
            }

            await FillAsync(cancellationToken);
        }
    }

    private ReadOnlyMemory<byte> TakeLine(int length, int terminatorLength)
    {
        var line = _buffer.AsMemory(_start, length);
        LineNumber++;
        LineStart = _bufferOffset + _start;
        _start += length + terminatorLength;
        return line.Span.EndsWith("\r"u8) ? line[..^1] : line;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_start > 0 && _buffer.Length - _end < _buffer.Length / 2)
        {
            var remaining = _end - _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, remaining);
            _bufferOffset += _start;
            _end = remaining;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxLineLength + 2));
        }

        // Fill the free space completely: a long line is searched only in its new bytes, but moving it to the
        // front after every small network-sized read would make reading it quadratic.
        var read = 0;
        while (_end + read < _buffer.Length)
        {
            var n = await stream.ReadAsync(_buffer.AsMemory(_end + read), cancellationToken);
            if (n == 0)
            {
                _isFinal = true;
                break;
            }

            read += n;
        }

        _end += read;
        if (read == 0)
        {
            return;
        }

        if (!_started && (_end >= 3 || _isFinal))
        {
            _started = true;
            if (Utf8Check.IsUtf16(_buffer.AsSpan(0, _end)))
            {
                throw new ReportFormatException(fileName, "the file is UTF-16 encoded; reports must be UTF-8", 1, 0);
            }

            _start = Utf8Check.BomLength(_buffer.AsSpan(0, _end));
        }
    }
}
