using NuGet.Versioning;

namespace Rampart.Core.Versions;

/// <summary>NuGet's ordering (four-part versions, SemVer 2.0 pre-release labels, case-insensitive), by NuGet.Versioning itself.</summary>
public sealed class NuGetScheme : IVersionScheme
{
    public static NuGetScheme Instance { get; } = new();

    public string Name => "NuGet";

    public IComparable? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NuGetVersion.TryParse(text.Trim(), out var version) ? new Parsed(version) : null;
    }

    private sealed record Parsed(NuGetVersion Version) : IComparable
    {
        public int CompareTo(object? obj) => obj is Parsed other ? VersionComparer.Default.Compare(Version, other.Version) : 1;
    }
}
