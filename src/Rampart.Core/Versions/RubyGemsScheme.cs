using System.Globalization;
using System.Text.RegularExpressions;

namespace Rampart.Core.Versions;

/// <summary>
/// RubyGems' Gem::Version order (guides.rubygems.org/patterns/#semantic-versioning): dot-separated segments, numbers
/// compare as numbers, a segment with letters marks a pre-release that sorts before the release ("1.0.a" &lt; "1.0"),
/// missing segments count as 0, and "-" stands for ".pre.".
/// </summary>
public sealed partial class RubyGemsScheme : IVersionScheme
{
    public static RubyGemsScheme Instance { get; } = new();

    public string Name => "RubyGems";

    public IComparable? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (!Grammar().IsMatch(value))
        {
            return null;
        }

        var segments = Segments().Matches(value.Replace("-", ".pre.", StringComparison.Ordinal))
            .Select(m => char.IsAsciiDigit(m.Value[0])
                ? (object)System.Numerics.BigInteger.Parse(m.Value, CultureInfo.InvariantCulture)
                : m.Value)
            .ToArray();
        return new Parsed(segments);
    }

    private sealed record Parsed(object[] Segments) : IComparable
    {
        public int CompareTo(object? obj)
        {
            if (obj is not Parsed other)
            {
                return 1;
            }

            for (var i = 0; i < Math.Max(Segments.Length, other.Segments.Length); i++)
            {
                var left = i < Segments.Length ? Segments[i] : System.Numerics.BigInteger.Zero;
                var right = i < other.Segments.Length ? other.Segments[i] : System.Numerics.BigInteger.Zero;
                var order = (left, right) switch
                {
                    (System.Numerics.BigInteger a, System.Numerics.BigInteger b) => a.CompareTo(b),
                    (string a, string b) => string.CompareOrdinal(a, b),
                    (string, _) => -1, // a letter segment is a pre-release: before any number
                    _ => 1,
                };
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        }
    }

    [GeneratedRegex(@"^[0-9]+(\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Grammar();

    [GeneratedRegex("[0-9]+|[a-zA-Z]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Segments();
}
