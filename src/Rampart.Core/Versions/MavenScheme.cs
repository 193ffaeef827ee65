using System.Globalization;
using System.Numerics;

namespace Rampart.Core.Versions;

/// <summary>
/// Maven's version order as its Version Order Specification documents it (maven.apache.org/pom.html, the order
/// ComparableVersion implements): tokens split at ".", "-" and digit/letter transitions (a transition counts as "-"),
/// empty tokens are 0; trailing "null" tokens (0, "", "final", "ga", "release") are trimmed at the end and before
/// each hyphen; the shorter version is padded with nulls of the other's prefix. Qualifiers order
/// alpha &lt; beta &lt; milestone &lt; rc = cr &lt; snapshot &lt; "" = ga = final = release &lt; sp, then others alphabetically;
/// ".qualifier" = "-qualifier" &lt; "-number" &lt; ".number".
/// </summary>
public sealed class MavenScheme : IVersionScheme
{
    public static MavenScheme Instance { get; } = new();

    public string Name => "Maven";

    public IComparable? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim().ToLowerInvariant();
        if (value.Length == 0 || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return null;
        }

        var tokens = new List<MavenToken>();
        var prefix = '.';
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            var end = i == value.Length;
            var c = end ? '\0' : value[i];
            var separator = c is '.' or '-';
            var transition = !end && !separator && i > start && char.IsAsciiDigit(c) != char.IsAsciiDigit(value[i - 1]);
            if (!end && !separator && !transition)
            {
                continue;
            }

            var token = value[start..i];
            tokens.Add(MavenToken.Of(prefix, token, followedByDigit: transition && char.IsAsciiDigit(c)));
            prefix = transition ? '-' : c;
            start = transition ? i : i + 1;
        }

        return new Parsed([.. Trim(tokens)]);
    }

    /// <summary>Trailing nulls go at the end, then before each remaining hyphen from end to start ("1-ga-1" is "1-1").</summary>
    private static List<MavenToken> Trim(List<MavenToken> tokens)
    {
        for (var boundary = tokens.Count; boundary > 0; boundary--)
        {
            if (boundary < tokens.Count && tokens[boundary].Prefix != '-')
            {
                continue;
            }

            while (boundary > 1 && tokens[boundary - 1].IsNull)
            {
                tokens.RemoveAt(--boundary);
            }
        }

        return tokens;
    }

    private sealed record Parsed(MavenToken[] Tokens) : IComparable
    {
        public int CompareTo(object? obj)
        {
            if (obj is not Parsed other)
            {
                return 1;
            }

            for (var i = 0; i < Math.Max(Tokens.Length, other.Tokens.Length); i++)
            {
                // Padding takes the other side's prefix: 0 after ".", "" after "-".
                var left = i < Tokens.Length ? Tokens[i] : MavenToken.Null(other.Tokens[i].Prefix);
                var right = i < other.Tokens.Length ? other.Tokens[i] : MavenToken.Null(Tokens[i].Prefix);
                var order = left.CompareTo(right);
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        }
    }
}

/// <summary>One Maven version token: its prefix ("." or "-") and a number or a qualifier (ranked).</summary>
internal sealed record MavenToken(char Prefix, BigInteger? Number, string? Qualifier)
{
    private static readonly string[] Known = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];
    private static readonly string Release = Rank("");

    public bool IsNull => Number is { } n ? n.IsZero : Qualifier == Release;

    public static MavenToken Null(char prefix) => prefix == '-' ? new(prefix, null, Release) : new(prefix, BigInteger.Zero, null);

    public static MavenToken Of(char prefix, string token, bool followedByDigit)
    {
        if (token.Length == 0)
        {
            return new(prefix, BigInteger.Zero, null); // an empty token is 0
        }

        if (char.IsAsciiDigit(token[0]))
        {
            return new(prefix, BigInteger.Parse(token, CultureInfo.InvariantCulture), null);
        }

        // "a1", "b2", "m3": a lone a/b/m directly followed by a number is alpha/beta/milestone.
        if (followedByDigit && token.Length == 1)
        {
            token = token switch { "a" => "alpha", "b" => "beta", "m" => "milestone", _ => token };
        }

        token = token switch { "ga" or "final" or "release" => "", "cr" => "rc", _ => token };
        return new(prefix, null, Rank(token));
    }

    /// <summary>".qualifier" = "-qualifier" &lt; "-number" &lt; ".number"; like kinds compare by value.</summary>
    public int CompareTo(MavenToken other)
    {
        var kind = Kind.CompareTo(other.Kind);
        if (kind != 0)
        {
            return kind;
        }

        return Number is { } number ? number.CompareTo(other.Number!.Value) : string.CompareOrdinal(Qualifier, other.Qualifier);
    }

    private int Kind => Number is null ? 0 : Prefix == '-' ? 1 : 2;

    /// <summary>Known qualifiers by position; any other after them all, alphabetically.</summary>
    private static string Rank(string qualifier)
    {
        var index = Array.IndexOf(Known, qualifier);
        return index >= 0 ? index.ToString(CultureInfo.InvariantCulture) : Known.Length.ToString(CultureInfo.InvariantCulture) + "-" + qualifier;
    }
}
