using System.Text;
using System.Text.Json;

namespace Rampart.Ingest.Json;

/// <summary>
/// Forward-only JSON over a stream, with memory bounded by the largest single value materialized: a
/// <see cref="Utf8JsonReader"/> runs over a buffer that is refilled (shifted, grown) from the stream, and its
/// <see cref="JsonReaderState"/> carries position and line numbers from one buffer to the next.
/// Every malformed input surfaces as a <see cref="ReportFormatException"/>.
/// </summary>
/// <remarks>
/// A reader whose attempt runs out of data is discarded without committing its state. That is safe: such an
/// attempt only goes deeper than the committed depth (a value being parsed), so it never overwrites the
/// committed part of the reader's depth stack.
/// </remarks>
internal sealed class JsonTokenStream
{
    public const int PrefetchLength = 64 * 1024;
    private const int MaxBufferLength = 256 * 1024 * 1024;
    private const int MaxDecodedTokenLength = 1024 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = 256,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private readonly Stream _stream;
    private byte[] _buffer = new byte[PrefetchLength];
    private int _start;
    private int _end;
    private int _checked;
    private long _bufferOffset;
    private long _line = 1;
    private bool _isFinal;
    private bool _started;
    private bool _anyToken;
    private bool _valueComplete;
    private JsonReaderState _state = new(ReaderOptions);

    public JsonTokenStream(Stream stream, string fileName)
    {
        _stream = stream;
        FileName = fileName;
    }

    public string FileName { get; }

    public JsonTokenType TokenType { get; private set; }

    /// <summary>The decoded text of the last PropertyName, String or Number token (null for very long strings).</summary>
    public string? Text { get; private set; }

    /// <summary>Bytes buffered but not consumed yet; after <see cref="PrefetchAsync"/>, the file's beginning.</summary>
    public ReadOnlySpan<byte> Unconsumed => _buffer.AsSpan(_start, _end - _start);

    public bool IsComplete => _isFinal;

    /// <summary>The 1-based line of the next unconsumed byte (just after the last token read).</summary>
    public long Line => _line;

    /// <summary>The 0-based offset in the file of the next unconsumed byte.</summary>
    public long BytePosition => _bufferOffset + _start;

    /// <summary>Buffers at least <see cref="PrefetchLength"/> bytes, or the whole stream if it is shorter.</summary>
    public async ValueTask PrefetchAsync(CancellationToken cancellationToken)
    {
        while (!_isFinal && _end - _start < PrefetchLength)
        {
            await FillAsync(cancellationToken);
        }
    }

    /// <summary>Reads the next token; false at the end of the document.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_started && TryReadToken())
            {
                return true;
            }

            if (_isFinal)
            {
                return false;
            }

            await FillAsync(cancellationToken);
        }
    }

    /// <summary>Reads the next value (after a property name or inside an array) as a document the caller disposes.</summary>
    public async ValueTask<JsonDocument> ReadValueAsync(CancellationToken cancellationToken) =>
        await ReadValueOrEndAsync(false, cancellationToken) ?? throw Invalid("a value is missing");

    /// <summary>Reads the next array element as a document the caller disposes; null at the end of the array.</summary>
    public ValueTask<JsonDocument?> ReadArrayItemAsync(CancellationToken cancellationToken) =>
        ReadValueOrEndAsync(true, cancellationToken);

    /// <summary>Skips the next value however large, without materializing it.</summary>
    public async ValueTask SkipValueAsync(CancellationToken cancellationToken)
    {
        int? endDepth = null;
        while (true)
        {
            if (_started && TrySkip(ref endDepth))
            {
                return;
            }

            if (_isFinal)
            {
                throw Invalid("the file ends in the middle of a value");
            }

            await FillAsync(cancellationToken);
        }
    }

    public ReportFormatException Invalid(string reason) =>
        new(FileName, reason, _line, _bufferOffset + _start);

    private async ValueTask<JsonDocument?> ReadValueOrEndAsync(bool inArray, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_started && TryReadValue(inArray, out var document, out var ended))
            {
                return ended ? null : document;
            }

            if (_isFinal)
            {
                throw Invalid("the file ends in the middle of a value");
            }

            await FillAsync(cancellationToken);
        }
    }

    private bool TryReadToken()
    {
        var reader = new Utf8JsonReader(Unconsumed, _isFinal, _state);
        try
        {
            if (!reader.Read())
            {
                return false;
            }

            TokenType = reader.TokenType;
            Text = TokenType switch
            {
                JsonTokenType.PropertyName or JsonTokenType.String when reader.ValueSpan.Length <= MaxDecodedTokenLength => reader.GetString(),
                JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                _ => null,
            };
            Commit(ref reader);
            return true;
        }
        catch (JsonException ex)
        {
            throw Translate(ex, reader.BytesConsumed);
        }
        catch (InvalidOperationException ex)
        {
            throw new ReportFormatException(FileName, "a name or string cannot be decoded", _line, _bufferOffset + _start, ex);
        }
    }

    private bool TryReadValue(bool inArray, out JsonDocument? document, out bool ended)
    {
        document = null;
        ended = false;
        var reader = new Utf8JsonReader(Unconsumed, _isFinal, _state);
        try
        {
            if (!reader.Read())
            {
                return false;
            }

            if (inArray && reader.TokenType == JsonTokenType.EndArray)
            {
                TokenType = JsonTokenType.EndArray;
                ended = true;
                Commit(ref reader);
                return true;
            }

            if (!JsonDocument.TryParseValue(ref reader, out document))
            {
                return false;
            }

            TokenType = JsonTokenType.None;
            Commit(ref reader);
            return true;
        }
        catch (JsonException ex)
        {
            throw Translate(ex, reader.BytesConsumed);
        }
    }

    private bool TrySkip(ref int? endDepth)
    {
        var reader = new Utf8JsonReader(Unconsumed, _isFinal, _state);
        try
        {
            while (reader.Read())
            {
                if (endDepth is null)
                {
                    if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                    {
                        Commit(ref reader);
                        return true;
                    }

                    endDepth = reader.CurrentDepth;
                }
                else if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == endDepth)
                {
                    Commit(ref reader);
                    return true;
                }
            }

            // Out of data: keep what was skipped so far (only deeper levels were touched, see remarks).
            Commit(ref reader);
            return false;
        }
        catch (JsonException ex)
        {
            throw Translate(ex, reader.BytesConsumed);
        }
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        var consumed = (int)reader.BytesConsumed;
        _line += Unconsumed[..consumed].Count((byte)'\n');
        _start += consumed;
        _state = reader.CurrentState;
        _anyToken = true;
        _valueComplete |= reader.CurrentDepth == 0
            && reader.TokenType is not (JsonTokenType.None or JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName);
    }

    private ReportFormatException Translate(JsonException ex, long consumed)
    {
        if (!_anyToken && Utf8Check.IsBlank(Unconsumed) && _isFinal)
        {
            return new ReportFormatException(FileName, "the file is empty", inner: ex);
        }

        // The reader's message ends with its own 0-based "LineNumber: n | BytePositionInLine: m."; we report 1-based.
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = _valueComplete
            ? "invalid JSON: there is content after the report (a second top-level value); a report is a single JSON value"
            : "invalid JSON: " + (cut > 0 ? message[..cut] : message);
        return new ReportFormatException(FileName, reason, ex.LineNumber + 1, _bufferOffset + _start + consumed, ex);
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_start > 0 && _buffer.Length - _end < _buffer.Length / 2)
        {
            var remaining = _end - _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, remaining);
            _bufferOffset += _start;
            _checked -= _start;
            _end = remaining;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxBufferLength)
            {
                throw Invalid($"a single entry is larger than {MaxBufferLength / (1024 * 1024)} MB");
            }

            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxBufferLength));
        }

        // Fill the free space completely: a value that did not fit is parsed again from its start after each
        // fill, so filling in small network-sized chunks would make that quadratic.
        var before = _end;
        while (_end < _buffer.Length)
        {
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                _isFinal = true;
                break;
            }

            _end += read;
        }

        if (_end > before || _isFinal)
        {
            CheckNewBytes();
        }
    }

    private void CheckNewBytes()
    {
        if (!_started)
        {
            if (Utf8Check.IsUtf16(Unconsumed))
            {
                throw new ReportFormatException(FileName, "the file is UTF-16 encoded; reports must be UTF-8", 1, 0);
            }

            if (_end >= 3 || _isFinal)
            {
                _start = _checked = Utf8Check.BomLength(Unconsumed);
                _started = true;
            }
            else
            {
                return;
            }
        }

        var pending = _buffer.AsSpan(_checked, _end - _checked);
        var length = Utf8Check.CheckableLength(pending, _isFinal);
        var invalid = Utf8Check.FindInvalid(pending[..length]);
        if (invalid >= 0)
        {
            throw new ReportFormatException(FileName, "the file is not valid UTF-8", bytePosition: _bufferOffset + _checked + invalid);
        }

        _checked += length;
    }
}
