namespace Rampart.Ingest.Feeds;

/// <summary>
/// Reads text line by line into one reused buffer, refusing lines longer than a limit: StreamReader.ReadLine would
/// allocate whatever a hostile file puts on one line (a decompressed gzip bomb of a single line, say).
/// </summary>
internal sealed class BoundedLineReader(TextReader reader, int maxLineLength)
{
    private readonly char[] _buffer = new char[Math.Max(64 * 1024, (maxLineLength * 2) + 2)];
    private int _start;
    private int _end;
    private bool _endOfText;

    /// <summary>1-based number of <see cref="Current"/>.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The line read last, without its line break; valid until the next read.</summary>
    public ReadOnlyMemory<char> Current { get; private set; }

    /// <exception cref="InvalidDataException">A line is longer than the limit; it is line <see cref="LineNumber"/> + 1.</exception>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf('\n');
            if (newline >= 0 || (_endOfText && pending.Length > 0))
            {
                var length = newline >= 0 ? newline : pending.Length;
                if (length > maxLineLength + 1)
                {
                    throw new InvalidDataException($"the line is longer than {maxLineLength} characters");
                }

                var line = _buffer.AsMemory(_start, length);
                Current = line.Span.EndsWith('\r') ? line[..^1] : line;
                _start += newline >= 0 ? newline + 1 : length;
                LineNumber++;
                return true;
            }

            if (_endOfText)
            {
                Current = ReadOnlyMemory<char>.Empty;
                return false;
            }

            if (pending.Length > maxLineLength + 1)
            {
                throw new InvalidDataException($"the line is longer than {maxLineLength} characters");
            }

            if (_start > 0)
            {
                pending.CopyTo(_buffer);
                _end = pending.Length;
                _start = 0;
            }

            var read = await reader.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            _endOfText = read == 0;
            _end += read;
        }
    }
}
