namespace Rampart.Core.Prioritization.Cvss;

/// <summary>
/// One metric of a version's vector table: its abbreviation, its allowed values (case-sensitive, as the specs write
/// them) and its group. <see cref="NotDefined"/> is the value that means "not defined" ("X", or "ND" in v2), if any.
/// Scorers index <see cref="Values"/>, so the order here is the scorers' order, not necessarily the table's.
/// </summary>
internal sealed record CvssMetric(string Key, string[] Values, CvssMetricGroup Group, string? NotDefined = null)
{
    public bool Mandatory => Group == CvssMetricGroup.Base;

    /// <summary>Index of <paramref name="value"/> in <see cref="Values"/>, or -1.</summary>
    public int IndexOf(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < Values.Length; i++)
        {
            if (value.SequenceEqual(Values[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
