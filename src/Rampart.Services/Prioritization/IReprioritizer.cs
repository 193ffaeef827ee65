namespace Rampart.Services.Prioritization;

/// <summary>
/// Re-decides the priority of open findings after the facts behind it changed (EPSS, KEV or OSV data, asset
/// context). Feed loaders and asset edits call it; each change of priority is recorded with its cause.
/// </summary>
public interface IReprioritizer
{
    Task<ReprioritizationResult> ReprioritizeAsync(ReprioritizationRequest request, CancellationToken cancellationToken);
}

/// <summary>What changed and where to look: <paramref name="AssetIds"/> null means every asset.</summary>
/// <param name="Cause">Recorded with each priority change, e.g. "feed:epss 2026-09-29", "feed:kev 2025.08.25", "asset:payments-api".</param>
/// <param name="RewriteReasons">Rewrite every examined finding's path even where the outcome is the same (an asset edit changes the facts it names).</param>
public sealed record ReprioritizationRequest(string Cause, IReadOnlyCollection<long>? AssetIds = null, bool RewriteReasons = false);

/// <param name="Examined">Open findings whose decision was recomputed.</param>
/// <param name="Changed">Findings whose priority or decision changed (and were written).</param>
/// <param name="BecameP1">Findings that were not P1 before and are now.</param>
public sealed record ReprioritizationResult(int Examined, int Changed, int BecameP1, TimeSpan Elapsed);
