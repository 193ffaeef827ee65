using System.Globalization;

namespace Rampart.Core.Versions;

/// <summary>
/// dpkg's order (Debian Policy §5.6.12 Version): <c>[epoch:]upstream[-revision]</c>; epochs compare as numbers, then
/// upstream and revision alternately by non-digit runs (letters before other characters, "~" before everything,
/// even the end) and digit runs (numerically).
/// </summary>
public sealed class DebianScheme : IVersionScheme
{
    public static DebianScheme Instance { get; } = new();

    public string Name => "dpkg";

    public IComparable? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        long epoch = 0;
        if (colon >= 0 && !long.TryParse(value.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out epoch))
        {
            return null;
        }

        var rest = value[(colon + 1)..];
        var dash = rest.LastIndexOf('-');
        var upstream = dash >= 0 ? rest[..dash] : rest;
        var revision = dash >= 0 ? rest[(dash + 1)..] : "";
        var valid = upstream.Length > 0 && char.IsAsciiDigit(upstream[0])
            && upstream.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '~' or '-' or ':')
            && (dash < 0 || revision.Length > 0) && revision.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '~');
        return valid ? new Parsed(epoch, upstream, revision) : null;
    }

    /// <summary>The weight of one character in a non-digit run (Policy §5.6.12): "~" lowest, then the end, letters, other characters.</summary>
    private static int Weight(char? c) => c switch
    {
        null => 0,
        '~' => -1,
        { } letter when char.IsAsciiLetter(letter) => letter,
        { } other => other + 256,
    };

    private static int Compare(string left, string right)
    {
        int i = 0, j = 0;
        while (i < left.Length || j < right.Length)
        {
            while ((i < left.Length && !char.IsAsciiDigit(left[i])) || (j < right.Length && !char.IsAsciiDigit(right[j])))
            {
                var a = Weight(i < left.Length && !char.IsAsciiDigit(left[i]) ? left[i] : null);
                var b = Weight(j < right.Length && !char.IsAsciiDigit(right[j]) ? right[j] : null);
                if (a != b)
                {
                    return a.CompareTo(b);
                }

                i += i < left.Length && !char.IsAsciiDigit(left[i]) ? 1 : 0;
                j += j < right.Length && !char.IsAsciiDigit(right[j]) ? 1 : 0;
            }

            var startI = i;
            var startJ = j;
            while (i < left.Length && char.IsAsciiDigit(left[i]))
            {
                i++;
            }

            while (j < right.Length && char.IsAsciiDigit(right[j]))
            {
                j++;
            }

            var order = Number(left[startI..i]).CompareTo(Number(right[startJ..j]));
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    private static System.Numerics.BigInteger Number(string digits) =>
        digits.Length == 0 ? System.Numerics.BigInteger.Zero : System.Numerics.BigInteger.Parse(digits, CultureInfo.InvariantCulture);

    private sealed record Parsed(long Epoch, string Upstream, string Revision) : IComparable
    {
        public int CompareTo(object? obj)
        {
            if (obj is not Parsed other)
            {
                return 1;
            }

            var order = Epoch.CompareTo(other.Epoch);
            order = order != 0 ? order : DebianScheme.Compare(Upstream, other.Upstream);
            return order != 0 ? order : DebianScheme.Compare(Revision, other.Revision);
        }
    }
}
