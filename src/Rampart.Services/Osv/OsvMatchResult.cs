using Rampart.Services.Imports;

namespace Rampart.Services.Osv;

/// <summary>What matching OSV records against one asset's inventory found, and the scan it imported.</summary>
/// <param name="Components">Inventory components with a purl of an OSV ecosystem and a version (distinct per asset).</param>
/// <param name="UnmatchableComponents">Components without a purl of an OSV ecosystem, or without a version.</param>
/// <param name="UnparseableVersions">Components whose version the ecosystem's scheme cannot read ("reported, not crashed on"): only exact <c>versions[]</c> can match them.</param>
/// <param name="SkippedGitRanges">GIT ranges of candidate records, which cannot be evaluated without the repository.</param>
/// <param name="UnevaluatedRanges">Ranges of candidate records that could not be ordered (no scheme, unreadable version).</param>
public sealed record OsvMatchResult(
    string Asset, int Components, int UnmatchableComponents, int UnparseableVersions, int SkippedGitRanges, int UnevaluatedRanges, ImportResult Import);
