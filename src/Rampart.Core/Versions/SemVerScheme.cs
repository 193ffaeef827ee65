using Semver;

namespace Rampart.Core.Versions;

/// <summary>
/// SemVer 2.0 precedence (semver.org §11): build metadata is ignored, a pre-release sorts before its release.
/// Used for the OSV range type SEMVER and the ecosystems that follow SemVer (npm, crates.io, Go, Hex, Pub).
/// </summary>
public sealed class SemVerScheme : IVersionScheme
{
    public static SemVerScheme Strict { get; } = new(allowV: false);

    /// <summary>Go modules write "v1.2.3" (go.dev/ref/mod#versions); npm tolerates a leading "v" or "=" too.</summary>
    public static SemVerScheme WithV { get; } = new(allowV: true);

    private readonly bool _allowV;

    private SemVerScheme(bool allowV) => _allowV = allowV;

    public string Name => "SemVer 2.0";

    public IComparable? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (_allowV)
        {
            // The Go toolchain names its own releases "go1.21.12"; "=1.2.3" is npm's exact-version spelling.
            value = value.StartsWith("go", StringComparison.Ordinal) && value.Length > 2 && char.IsAsciiDigit(value[2]) ? value[2..] : value.TrimStart('=');
        }

        var styles = _allowV ? SemVersionStyles.AllowV : SemVersionStyles.Strict;
        return SemVersion.TryParse(value, styles, out var version) ? new Parsed(version) : null;
    }

    /// <summary>Compares by precedence only; "+incompatible" (Go) and other build metadata do not order (semver.org §10).</summary>
    private sealed record Parsed(SemVersion Version) : IComparable
    {
        public int CompareTo(object? obj) => obj is Parsed other ? SemVersion.ComparePrecedence(Version, other.Version) : 1;
    }
}
