namespace Rampart.Core.Versions;

/// <summary>OSV ecosystem names and package-name normalization, so that an SBOM's purl meets a record's (ecosystem, name).</summary>
public static class Ecosystems
{
    private static readonly string[] Known =
    [
        "npm", "PyPI", "Go", "Maven", "NuGet", "crates.io", "RubyGems", "Packagist", "Hex", "Pub", "Debian", "Ubuntu",
        "Alpine", "Hackage", "SwiftURL", "CRAN", "Bioconductor", "conda-forge", "GitHub Actions",
    ];

    /// <summary>The ecosystem without its release suffix, in OSV's spelling when known ("pypi" → "PyPI", "Debian:12" → "Debian").</summary>
    public static string Base(string? ecosystem)
    {
        if (string.IsNullOrWhiteSpace(ecosystem))
        {
            return "";
        }

        var colon = ecosystem.IndexOf(':', StringComparison.Ordinal);
        var name = (colon >= 0 ? ecosystem[..colon] : ecosystem).Trim();
        return Array.Find(Known, k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;
    }

    /// <summary>
    /// The name as the ecosystem compares names: PyPI per PEP 503 (lower case, runs of "-", "_", "." as one "-");
    /// npm, NuGet, crates.io, Packagist, Hex, Pub and the distributions case-insensitively (crates.io also treats
    /// "-" and "_" alike); Maven ("group:artifact"), Go module paths and RubyGems exactly.
    /// </summary>
    public static string NormalizeName(string? ecosystem, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        return Base(ecosystem) switch
        {
            "PyPI" => Pep503(trimmed),
            "crates.io" => trimmed.ToLowerInvariant().Replace('_', '-'),
            "Maven" or "Go" or "RubyGems" or "SwiftURL" or "GitHub Actions" => trimmed,
            _ => trimmed.ToLowerInvariant(),
        };
    }

    private static string Pep503(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        var inSeparator = false;
        foreach (var c in name)
        {
            if (c is '-' or '_' or '.')
            {
                inSeparator = true;
                continue;
            }

            if (inSeparator && builder.Length > 0)
            {
                builder.Append('-');
            }

            inSeparator = false;
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
