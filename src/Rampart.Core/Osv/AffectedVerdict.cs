namespace Rampart.Core.Osv;

/// <summary>What evaluating one <c>affected[]</c> entry against one installed version found.</summary>
/// <param name="FixedVersion">The lowest "fixed" above the installed version in a range that matched, if any.</param>
/// <param name="SkippedGitRanges">GIT ranges, which need the repository's history to evaluate (§affected[].ranges[].type).</param>
/// <param name="UnevaluatedRanges">Ranges that could not be ordered: no scheme for the ecosystem, or a version the scheme cannot read.</param>
/// <param name="InstalledUnparseable">The installed version is not a version of the ecosystem's scheme.</param>
public sealed record AffectedVerdict(bool Affected, string? FixedVersion, int SkippedGitRanges, int UnevaluatedRanges, bool InstalledUnparseable)
{
    public static AffectedVerdict NotAffected { get; } = new(false, null, 0, 0, false);
}
