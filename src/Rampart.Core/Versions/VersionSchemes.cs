namespace Rampart.Core.Versions;

/// <summary>Which ordering an OSV ecosystem's versions follow (OSV schema §affected[].package, ecosystem list).</summary>
public static class VersionSchemes
{
    /// <summary>The ecosystem's scheme, or null when Rampart cannot order its versions (only exact <c>versions[]</c> then match).</summary>
    /// <param name="ecosystem">An OSV ecosystem, with or without its ":release" suffix ("Debian:12", "Alpine:v3.18").</param>
    public static IVersionScheme? For(string? ecosystem) => Ecosystems.Base(ecosystem) switch
    {
        "npm" or "crates.io" or "Hex" or "Pub" or "Go" => SemVerScheme.WithV,
        "PyPI" => Pep440Scheme.Instance,
        "Maven" => MavenScheme.Instance,
        "NuGet" => NuGetScheme.Instance,
        "RubyGems" => RubyGemsScheme.Instance,
        "Debian" or "Ubuntu" => DebianScheme.Instance,
        _ => null,
    };
}
