using Microsoft.EntityFrameworkCore;
using Rampart.Core.Policies;
using Rampart.Data;

namespace Rampart.Services.Policies;

/// <summary>
/// The terms of the version in force for the process: one cheap query tells whether the version changed, the text is
/// parsed again only when it did. Safe on several nodes: each compares with the shared database.
/// </summary>
public sealed class PolicyTermsCache
{
    private PolicyTerms _terms = PolicyTerms.Defaults;

    public async Task<PolicyTerms> GetAsync(RampartDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var inForce = await db.PolicyVersions.AsNoTracking()
            .Where(v => v.Status == PolicyStatus.Published)
            .Select(v => new { v.Id, v.Number })
            .FirstOrDefaultAsync(cancellationToken);
        var current = _terms;
        if (inForce?.Id == current.VersionId)
        {
            return current;
        }

        if (inForce is null)
        {
            return _terms = PolicyTerms.Defaults;
        }

        var version = await db.PolicyVersions.AsNoTracking().SingleAsync(v => v.Id == inForce.Id, cancellationToken);
        return _terms = new PolicyTerms(version.Id, version.Number, PolicyDocument.Parse(version.FileName, version.Content).Parameters);
    }
}
