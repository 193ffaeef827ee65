using System.Threading.Channels;

namespace Rampart.Services.Imports;

/// <summary>
/// Runs a report reader on its own task, a chunk of results ahead of the consumer, so parsing (one core) overlaps
/// with fingerprinting and classifying (another). At most a few chunks are in memory. The reader's error, if any,
/// surfaces from <see cref="MoveNextAsync"/> at the point it happened.
/// </summary>
internal sealed class ReadAhead<T> : IAsyncDisposable
{
    private const int ChunkSize = 512;

    private readonly Channel<List<T>> _chunks = Channel.CreateBounded<List<T>>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop;
    private readonly Task _reader;
    private List<T>? _chunk;
    private int _index = -1;

    public ReadAhead(IAsyncEnumerable<T> source, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _reader = Task.Run(() => ReadAsync(source, _stop.Token), CancellationToken.None);
    }

    public T Current => _chunk![_index];

    public async ValueTask<bool> MoveNextAsync()
    {
        if (_chunk is not null && ++_index < _chunk.Count)
        {
            return true;
        }

        // WaitToReadAsync ends false when the reader completed, or throws the reader's error.
        while (await _chunks.Reader.WaitToReadAsync(_stop.Token))
        {
            if (_chunks.Reader.TryRead(out var chunk) && chunk.Count > 0)
            {
                _chunk = chunk;
                _index = 0;
                return true;
            }
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader;
        }
        catch (Exception error) when (error is OperationCanceledException or ChannelClosedException)
        {
            // stopped early because the consumer stopped: nothing to report
        }
        catch (Exception)
        {
            // the reader's own error was already surfaced to the consumer through the channel
        }

        _stop.Dispose();
    }

    private async Task ReadAsync(IAsyncEnumerable<T> source, CancellationToken cancellationToken)
    {
        try
        {
            var chunk = new List<T>(ChunkSize);
            await foreach (var item in source.WithCancellation(cancellationToken))
            {
                chunk.Add(item);
                if (chunk.Count == ChunkSize)
                {
                    await _chunks.Writer.WriteAsync(chunk, cancellationToken);
                    chunk = new List<T>(ChunkSize);
                }
            }

            await _chunks.Writer.WriteAsync(chunk, cancellationToken);
            _chunks.Writer.Complete();
        }
        catch (Exception error)
        {
            _chunks.Writer.TryComplete(error);
            throw;
        }
    }
}
