namespace Rampart.Core.Prioritization.Cvss;

/// <summary>
/// A parsed CVSS vector of any version. Parsing checks what the specifications require of a vector string:
/// the prefix, metric names and values, no duplicates, every base metric, and the order where the version fixes it.
/// </summary>
public sealed class CvssVector
{
    // One allocation: per metric slot 0 when absent, else 1 + the index of its value; then the slots in given order.
    private readonly byte[] _values;
    private readonly int _count;
    private IReadOnlyList<KeyValuePair<string, string>>? _metrics;

    internal CvssVector(CvssVersion version, string text, byte[] values, int count)
    {
        Version = version;
        Text = text;
        _values = values;
        _count = count;
    }

    public CvssVersion Version { get; }

    /// <summary>The vector as given, trimmed.</summary>
    public string Text { get; }

    /// <summary>The metrics in the order given (an explicit "X" or "ND" is kept).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metrics => _metrics ??= BuildMetrics();

    internal CvssMetricSet MetricSet => CvssMetricTables.For(Version);

    /// <summary>Parses a vector or throws <see cref="CvssFormatException"/> naming the offending part.</summary>
    public static CvssVector Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CvssVectorReader.Read(text, out var error) ?? throw error.ToException(text);
    }

    /// <summary>Parses a vector, or explains in <paramref name="error"/> which part is wrong.</summary>
    public static bool TryParse(string text, out CvssVector? vector, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        vector = CvssVectorReader.Read(text, out var problem);
        error = vector is null ? problem.Message(text) : null;
        return vector is not null;
    }

    /// <summary>The value given for a metric (e.g. Metric("AV") == "N"), or null when the vector leaves it out.</summary>
    public string? Metric(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var set = MetricSet;
        var slot = set.SlotOf(key);
        return slot < 0 || _values[slot] == 0 ? null : set.Metrics[slot].Values[_values[slot] - 1];
    }

    public override string ToString() => Text;

    /// <summary>Index of a metric's value in its <see cref="CvssMetric.Values"/>, or -1 when absent.</summary>
    internal int ValueIndex(int slot) => _values[slot] - 1;

    /// <summary>True when a metric of <paramref name="group"/> has a value other than "not defined".</summary>
    internal bool HasDefined(CvssMetricGroup group)
    {
        var metrics = MetricSet.Metrics;
        for (var slot = 0; slot < metrics.Length; slot++)
        {
            var metric = metrics[slot];
            if (metric.Group == group && _values[slot] != 0 && metric.Values[_values[slot] - 1] != metric.NotDefined)
            {
                return true;
            }
        }

        return false;
    }

    private List<KeyValuePair<string, string>> BuildMetrics()
    {
        var set = MetricSet;
        var metrics = new List<KeyValuePair<string, string>>(_count);
        foreach (var slot in _values.AsSpan(set.Metrics.Length, _count))
        {
            var metric = set.Metrics[slot];
            metrics.Add(new(metric.Key, metric.Values[_values[slot] - 1]));
        }

        return metrics;
    }
}
