namespace Rampart.Core.Versions;

/// <summary>
/// A scheme that remembers what it parsed: matching many records against many components parses the same few
/// strings ("0", "1.2.3") over and over. Not thread-safe; bounded (it starts over past <see cref="Capacity"/> entries).
/// </summary>
public sealed class MemoizedScheme(IVersionScheme inner) : IVersionScheme
{
    public const int Capacity = 100_000;

    private readonly Dictionary<string, IComparable?> _parsed = new(StringComparer.Ordinal);

    public string Name => inner.Name;

    public IComparable? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_parsed.TryGetValue(text, out var version))
        {
            return version;
        }

        if (_parsed.Count >= Capacity)
        {
            _parsed.Clear();
        }

        return _parsed[text] = inner.Parse(text);
    }
}
