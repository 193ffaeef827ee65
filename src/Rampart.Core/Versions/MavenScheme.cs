namespace Rampart.Core.Versions;

/// <summary>
/// Maven's version order (maven.apache.org/pom.html#Version_Order_Specification, as ComparableVersion implements it):
/// tokens split at ".", "-" and digit/letter transitions (a transition counts as "-"), empty tokens are 0, trailing
/// "null" tokens (0, "", "final", "ga", "release") are dropped, and every "-" opens a nested list.
/// Qualifiers order alpha &lt; beta &lt; milestone &lt; rc = cr &lt; snapshot &lt; "" = ga = final = release &lt; sp,
/// then any other qualifier alphabetically.
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

        var root = new MavenItem.Group();
        var lists = new Stack<MavenItem.Group>();
        lists.Push(root);
        var list = root;
        var start = 0;
        var inDigits = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '.' or '-')
            {
                list.Items.Add(i == start ? MavenItem.Int.Zero : Token(value[start..i], inDigits, followedByDigit: false));
                start = i + 1;
                if (c == '-')
                {
                    list = Nest(list, lists);
                }
            }
            else if (char.IsAsciiDigit(c))
            {
                if (!inDigits && i > start)
                {
                    // "a1" is "a-1": a letter-to-digit transition opens a list, and a lone a/b/m before a digit is alpha/beta/milestone.
                    list.Items.Add(Token(value[start..i], isNumber: false, followedByDigit: true));
                    start = i;
                    list = Nest(list, lists);
                }

                inDigits = true;
            }
            else
            {
                if (inDigits && i > start)
                {
                    list.Items.Add(Token(value[start..i], isNumber: true, followedByDigit: false));
                    start = i;
                    list = Nest(list, lists);
                }

                inDigits = false;
            }
        }

        if (value.Length > start)
        {
            list.Items.Add(Token(value[start..], inDigits, followedByDigit: false));
        }

        while (lists.Count > 0)
        {
            lists.Pop().Normalize();
        }

        return new Parsed(root);
    }

    private static MavenItem.Group Nest(MavenItem.Group parent, Stack<MavenItem.Group> lists)
    {
        var child = new MavenItem.Group();
        parent.Items.Add(child);
        lists.Push(child);
        return child;
    }

    private static MavenItem Token(string token, bool isNumber, bool followedByDigit) =>
        isNumber ? new MavenItem.Int(System.Numerics.BigInteger.Parse(token, System.Globalization.CultureInfo.InvariantCulture)) : new MavenItem.Text(token, followedByDigit);

    private sealed record Parsed(MavenItem.Group Root) : IComparable
    {
        public int CompareTo(object? obj) => obj is Parsed other ? Root.CompareTo(other.Root) : 1;
    }
}
