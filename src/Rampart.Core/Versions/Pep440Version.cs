namespace Rampart.Core.Versions;

/// <summary>A parsed PEP 440 version; see <see cref="Pep440Scheme"/>. Ordering follows PEP 440 §Summary of permitted suffixes and relative ordering.</summary>
/// <param name="Release">The release segment with trailing zeros removed ("1.0.0" is stored as [1]).</param>
/// <param name="Pre">Kind (0 a, 1 b, 2 rc) and number.</param>
/// <param name="Local">Local version label segments, lower-cased.</param>
internal sealed record Pep440Version(long Epoch, long[] Release, (int Kind, long Number)? Pre, long? Post, long? Dev, string[]? Local) : IComparable
{
    public int CompareTo(object? obj)
    {
        if (obj is not Pep440Version other)
        {
            return 1;
        }

        var order = Epoch.CompareTo(other.Epoch);
        if (order != 0)
        {
            return order;
        }

        for (var i = 0; i < Math.Max(Release.Length, other.Release.Length); i++)
        {
            order = (i < Release.Length ? Release[i] : 0).CompareTo(i < other.Release.Length ? other.Release[i] : 0);
            if (order != 0)
            {
                return order;
            }
        }

        order = PreRank.CompareTo(other.PreRank);
        if (order != 0)
        {
            return order;
        }

        // No post release sorts before any post release; no dev release after every dev release of the same version.
        order = (Post ?? -1).CompareTo(other.Post ?? -1);
        if (order != 0)
        {
            return order;
        }

        order = (Dev ?? long.MaxValue).CompareTo(other.Dev ?? long.MaxValue);
        return order != 0 ? order : CompareLocal(Local, other.Local);
    }

    /// <summary>
    /// "1.0.dev0" sorts before "1.0a1" (a dev release of the final release precedes its pre-releases), and the final
    /// release after them all: dev-only → lowest, pre-release → by kind and number, neither → highest.
    /// </summary>
    private (int, long) PreRank => Pre switch
    {
        { } pre => (pre.Kind + 1, pre.Number),
        null when Post is null && Dev is not null => (0, 0),
        _ => (4, 0),
    };

    /// <summary>§Local version identifiers: numeric segments compare as numbers and sort after alphanumeric ones; a longer label that extends a shorter one sorts after it.</summary>
    private static int CompareLocal(string[]? left, string[]? right)
    {
        if (left is null || right is null)
        {
            return (left is null ? 0 : 1) - (right is null ? 0 : 1);
        }

        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            var leftNumber = long.TryParse(left[i], out var a);
            var rightNumber = long.TryParse(right[i], out var b);
            var order = (leftNumber, rightNumber) switch
            {
                (true, true) => a.CompareTo(b),
                (true, false) => 1,
                (false, true) => -1,
                _ => string.CompareOrdinal(left[i], right[i]),
            };
            if (order != 0)
            {
                return order;
            }
        }

        return left.Length.CompareTo(right.Length);
    }
}
