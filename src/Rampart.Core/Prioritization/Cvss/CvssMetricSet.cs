namespace Rampart.Core.Prioritization.Cvss;

/// <summary>The vector table of one CVSS version family: its metrics in specification order and how a vector string is read.</summary>
internal sealed class CvssMetricSet
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _slots;

    public CvssMetricSet(string name, bool orderRequired, CvssMetric[] metrics)
    {
        Name = name;
        OrderRequired = orderRequired;
        Metrics = metrics;
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < metrics.Length; i++)
        {
            slots.Add(metrics[i].Key, i);
        }

        _slots = slots.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>"CVSS v3.x" and the like, for messages.</summary>
    public string Name { get; }

    /// <summary>True when the specification allows only its table's order (v2 guide §2.4, v4.0 spec §7).</summary>
    public bool OrderRequired { get; }

    public CvssMetric[] Metrics { get; }

    public int SlotOf(ReadOnlySpan<char> key) => _slots.TryGetValue(key, out var slot) ? slot : -1;

    /// <summary>
    /// <see cref="SlotOf(ReadOnlySpan{char})"/>, trying <paramref name="expected"/> first: vectors are mostly written in
    /// table order, so the next metric is usually the next slot (cheaper than hashing the key).
    /// </summary>
    public int SlotOf(ReadOnlySpan<char> key, int expected) =>
        (uint)expected < (uint)Metrics.Length && key.SequenceEqual(Metrics[expected].Key) ? expected : SlotOf(key);

    /// <summary>The slot of a metric every scorer relies on; a typo here is a programming error.</summary>
    public int RequiredSlot(string key)
    {
        var slot = SlotOf(key);
        return slot >= 0 ? slot : throw new InvalidOperationException($"{Name} has no metric {key}.");
    }
}
