namespace Rampart.Ingest.Formats.OsvScanner;

/// <summary>A package as OSV names it, read from a purl: ecosystem, name, version and the distribution release, if any.</summary>
/// <param name="Distro">The purl's <c>distro</c> qualifier ("debian-12", "alpine-3.18"), for OS packages.</param>
public sealed record PurlPackage(string Ecosystem, string Name, string? Version, string? Distro);
