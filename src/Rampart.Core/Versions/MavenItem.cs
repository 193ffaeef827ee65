using System.Numerics;

namespace Rampart.Core.Versions;

/// <summary>One token of a Maven version: a number, a qualifier, or a "-" list. Comparing with null means "padding".</summary>
internal abstract class MavenItem
{
    /// <summary>True for the tokens padding stands for: 0, the release qualifier, an empty list.</summary>
    public abstract bool IsNull { get; }

    /// <summary>Orders this item against another, or against padding when <paramref name="other"/> is null.</summary>
    public abstract int CompareTo(MavenItem? other);

    /// <summary>Numbers sort after qualifiers and lists (".number" &gt; "-number" &gt; qualifier).</summary>
    internal sealed class Int(BigInteger value) : MavenItem
    {
        public static Int Zero { get; } = new(BigInteger.Zero);

        public BigInteger Value { get; } = value;

        public override bool IsNull => Value.IsZero;

        public override int CompareTo(MavenItem? other) => other switch
        {
            null => Value.IsZero ? 0 : 1,
            Int number => Value.CompareTo(number.Value),
            _ => 1,
        };
    }

    internal sealed class Text : MavenItem
    {
        private static readonly string[] Known = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];
        private static readonly string Release = Rank("");

        private readonly string _rank;

        public Text(string value, bool followedByDigit)
        {
            if (followedByDigit && value.Length == 1)
            {
                value = value switch { "a" => "alpha", "b" => "beta", "m" => "milestone", _ => value };
            }

            value = value switch { "ga" or "final" or "release" => "", "cr" => "rc", _ => value };
            _rank = Rank(value);
        }

        public override bool IsNull => _rank == Release;

        public override int CompareTo(MavenItem? other) => other switch
        {
            null => string.CompareOrdinal(_rank, Release),
            Text text => string.CompareOrdinal(_rank, text._rank),
            _ => -1,
        };

        /// <summary>Known qualifiers by their position; any other after them all, alphabetically.</summary>
        private static string Rank(string qualifier)
        {
            var index = Array.IndexOf(Known, qualifier);
            return index >= 0 ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : Known.Length + "-" + qualifier;
        }
    }

    internal sealed class Group : MavenItem
    {
        public List<MavenItem> Items { get; } = [];

        public override bool IsNull => Items.Count == 0;

        /// <summary>Drops trailing padding-equivalent items ("1.0" is "1", "1-ga" is "1"), looking past nested lists.</summary>
        public void Normalize()
        {
            for (var i = Items.Count - 1; i >= 0; i--)
            {
                if (Items[i].IsNull)
                {
                    Items.RemoveAt(i);
                }
                else if (Items[i] is not Group)
                {
                    break;
                }
            }
        }

        public override int CompareTo(MavenItem? other)
        {
            switch (other)
            {
                case null:
                    return Items.Count == 0 ? 0 : Items[0].CompareTo(null);
                case Int:
                    return -1;
                case Text:
                    return 1;
            }

            var right = ((Group)other).Items;
            for (var i = 0; i < Math.Max(Items.Count, right.Count); i++)
            {
                var l = i < Items.Count ? Items[i] : null;
                var r = i < right.Count ? right[i] : null;
                var order = l is null ? (r is null ? 0 : -r.CompareTo(null)) : l.CompareTo(r);
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        }
    }
}
