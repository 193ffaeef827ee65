using System.Globalization;

namespace Rampart.Ingest.Formats.OsvScanner;

/// <summary>
/// Builds package URLs (purl-spec) for the language ecosystems whose name alone identifies a package, so that
/// a plain (name, version, ecosystem) from OSV-Scanner, npm audit or Grype meets another tool's purl.
/// OS package ecosystems (Debian, Alpine, RPM…) need a distribution namespace the reports do not give reliably:
/// no purl is made for them.
/// </summary>
public static class PackageEcosystems
{
    /// <param name="ecosystem">An OSV ecosystem name ("npm", "Go", "PyPI", "Packagist", "Maven", "crates.io"…), optionally with ":suffix".</param>
    public static string? Purl(string? ecosystem, string? name, string? version)
    {
        if (string.IsNullOrWhiteSpace(ecosystem) || string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var colon = ecosystem.IndexOf(':', StringComparison.Ordinal);
        var key = (colon >= 0 ? ecosystem[..colon] : ecosystem).Trim().ToUpperInvariant();
        name = name.Trim();
        var path = key switch
        {
            "NPM" => "npm/" + Segments(name, '/'),
            "GO" or "GOLANG" => "golang/" + Segments(name, '/'),
            "PYPI" => "pypi/" + Escape(name.ToLowerInvariant().Replace('_', '-')),
            "PACKAGIST" => "composer/" + Segments(name, '/'),
            "MAVEN" => "maven/" + Segments(name, ':'),
            "CRATES.IO" => "cargo/" + Escape(name),
            "RUBYGEMS" => "gem/" + Escape(name),
            "NUGET" => "nuget/" + Escape(name),
            "HEX" => "hex/" + Escape(name),
            "PUB" => "pub/" + Escape(name),
            _ => null,
        };
        if (path is null)
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(version) ? "pkg:" + path : $"pkg:{path}@{Escape(version.Trim())}";
    }

    /// <summary>
    /// The reverse of <see cref="Purl"/>: the OSV (ecosystem, name) a package URL names, for matching an SBOM's
    /// components against OSV records. Maven names become "group:artifact", npm scopes "@scope/name", Go and
    /// Packagist keep their paths; deb and apk purls give Debian/Ubuntu/Alpine with the <c>distro</c> qualifier.
    /// Null for types OSV has no ecosystem for, or a text that is not a purl.
    /// </summary>
    public static PurlPackage? FromPurl(string? purl)
    {
        if (purl is null || !purl.StartsWith("pkg:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var text = purl[4..].TrimStart('/');
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        text = hash >= 0 ? text[..hash] : text;
        var question = text.IndexOf('?', StringComparison.Ordinal);
        var qualifiers = question >= 0 ? text[(question + 1)..] : "";
        text = question >= 0 ? text[..question] : text;
        var at = text.LastIndexOf('@');
        string? version = null;
        if (at > text.LastIndexOf('/'))
        {
            version = Uri.UnescapeDataString(text[(at + 1)..]);
            text = text[..at];
        }

        var segments = text.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (segments.Length < 2)
        {
            return null;
        }

        var type = segments[0].ToUpperInvariant();
        var path = segments[1..];
        var last = path[^1];
        var (ecosystem, name) = type switch
        {
            "NPM" => ("npm", string.Join('/', path)),
            "GOLANG" => ("Go", string.Join('/', path)),
            "PYPI" => ("PyPI", last),
            "COMPOSER" => ("Packagist", string.Join('/', path)),
            "MAVEN" when path.Length >= 2 => ("Maven", string.Join('.', path[..^1]) + ":" + last),
            "CARGO" => ("crates.io", last),
            "GEM" => ("RubyGems", last),
            "NUGET" => ("NuGet", last),
            "HEX" => ("Hex", last),
            "PUB" => ("Pub", last),
            "DEB" when path.Length >= 2 && path[0].Equals("ubuntu", StringComparison.OrdinalIgnoreCase) => ("Ubuntu", last),
            "DEB" => ("Debian", last),
            "APK" => ("Alpine", last),
            _ => ((string?)null, last),
        };
        if (ecosystem is null)
        {
            return null;
        }

        var distro = qualifiers.Split('&').Select(q => q.Split('=', 2)).Where(q => q.Length == 2 && q[0] == "distro").Select(q => Uri.UnescapeDataString(q[1])).FirstOrDefault();
        return new PurlPackage(ecosystem, name, version, distro);
    }

    /// <summary>Grype artifact types for the same ecosystems (used only when Grype gives no purl).</summary>
    public static string? FromGrypeType(string? type) => type switch
    {
        "npm" => "npm",
        "python" => "PyPI",
        "go-module" => "Go",
        "php-composer" => "Packagist",
        "rust-crate" => "crates.io",
        "gem" => "RubyGems",
        "dotnet" => "NuGet",
        "hex" => "Hex",
        "dart-pub" => "Pub",
        _ => null,
    };

    /// <summary>
    /// Orders two versions by their numeric and textual parts ("1.10.0" &gt; "1.9.2"; "1.24.0-rc.2" &lt; "1.24.0").
    /// A heuristic shared by semver, PEP 440 and Go versions in their common forms; not an ecosystem-exact order.
    /// </summary>
    public static int CompareVersions(string left, string right)
    {
        var a = Tokens(left);
        var b = Tokens(right);
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            if (i >= a.Count || i >= b.Count)
            {
                // The longer one goes on: with a number it is a later release, with text a pre-release.
                var rest = i >= a.Count ? b[i] : a[i];
                var longerIsGreater = rest.Number is not null;
                return (i >= a.Count) == longerIsGreater ? -1 : 1;
            }

            var order = (a[i].Number, b[i].Number) switch
            {
                ({ } x, { } y) => x.CompareTo(y),
                (not null, null) => 1, // a release number sorts after a pre-release word
                (null, not null) => -1,
                _ => string.CompareOrdinal(a[i].Text, b[i].Text),
            };
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    private static string Segments(string name, char separator) =>
        string.Join('/', name.Split(separator, StringSplitOptions.RemoveEmptyEntries).Select(Escape));

    private static string Escape(string text) => Uri.EscapeDataString(text);

    private static List<(decimal? Number, string Text)> Tokens(string version)
    {
        var tokens = new List<(decimal?, string)>();
        var text = version.Trim().TrimStart('v', 'V');
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var boundary = i == text.Length
                || text[i] is '.' or '-' or '+' or '_' or '~'
                || (i > start && char.IsAsciiDigit(text[i]) != char.IsAsciiDigit(text[i - 1]));
            if (!boundary)
            {
                continue;
            }

            if (i > start)
            {
                var part = text[start..i];
                tokens.Add(decimal.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? (number, part) : (null, part.ToLowerInvariant()));
            }

            start = text.Length > i && !char.IsAsciiLetterOrDigit(text[i]) ? i + 1 : i;
        }

        return tokens;
    }
}
