using System.Globalization;
using System.Text.RegularExpressions;

namespace Rampart.Core.Versions;

/// <summary>
/// PyPI versions as PEP 440 orders them: <c>[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]</c>, read with the PEP's
/// normalization rules (§Normalization: case, "alpha"/"beta"/"c"/"pre"/"preview" spellings, "-", "_" and "." as
/// separators, implicit numbers, "rev"/"r" and "-N" post releases, a leading "v").
/// </summary>
public sealed partial class Pep440Scheme : IVersionScheme
{
    public static Pep440Scheme Instance { get; } = new();

    public string Name => "PEP 440";

    public IComparable? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Grammar().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        long? Number(string group) => match.Groups[group].Success
            ? long.TryParse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new OverflowException()
            : null;

        try
        {
            var release = match.Groups["release"].Value.Split('.').Select(p => long.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture)).ToList();
            while (release.Count > 1 && release[^1] == 0)
            {
                release.RemoveAt(release.Count - 1); // §Final releases: "1.0" == "1.0.0"
            }

            var pre = match.Groups["pre"].Success ? (PreKind(match.Groups["pre"].Value), Number("prenum") ?? 0) : ((int, long)?)null;
            var post = match.Groups["post"].Success || match.Groups["implicitpost"].Success ? Number("postnum") ?? Number("implicitnum") ?? 0 : (long?)null;
            var dev = match.Groups["dev"].Success ? Number("devnum") ?? 0 : (long?)null;
            var local = match.Groups["local"].Success
                ? match.Groups["local"].Value.ToLowerInvariant().Split('-', '_', '.')
                : null;
            return new Pep440Version(Number("epoch") ?? 0, [.. release], pre, post, dev, local);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>§Pre-releases: a &lt; b &lt; rc; "alpha", "beta", "c", "pre" and "preview" are spellings of them.</summary>
    private static int PreKind(string spelling) => spelling.ToLowerInvariant() switch
    {
        "a" or "alpha" => 0,
        "b" or "beta" => 1,
        _ => 2,
    };

    [GeneratedRegex(
        @"^v?(?:(?<epoch>\d+)!)?(?<release>\d+(?:\.\d+)*)" +
        @"(?:[-_.]?(?<pre>alpha|a|beta|b|preview|pre|rc|c)[-_.]?(?<prenum>\d+)?)?" +
        @"(?:[-_.]?(?<post>post|rev|r)[-_.]?(?<postnum>\d+)?|(?<implicitpost>-)(?<implicitnum>\d+))?" +
        @"(?:[-_.]?(?<dev>dev)[-_.]?(?<devnum>\d+)?)?" +
        @"(?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Grammar();
}
