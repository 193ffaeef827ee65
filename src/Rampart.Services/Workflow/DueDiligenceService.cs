using Microsoft.EntityFrameworkCore;
using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Core.Workflow;
using Rampart.Data;

namespace Rampart.Services.Workflow;

/// <summary>
/// The application provider's due diligence on upstream providers (AIS-07): an item per finding of an asset whose
/// accountable party is upstream (see <see cref="RemediationOwnership.NeedsDueDiligence"/>). Imports open them for new
/// findings; <see cref="OpenForAssetAsync"/> opens them when an asset gains an upstream provider or changes layer.
/// </summary>
public sealed class DueDiligenceService(RampartDbContext db, TimeProvider clock)
{
    public async Task<DueDiligenceView> GetAsync(long findingId, CancellationToken cancellationToken = default)
    {
        var item = await db.DueDiligenceItems.AsNoTracking().SingleOrDefaultAsync(d => d.FindingId == findingId, cancellationToken);
        return item is not null ? DueDiligenceView.Of(item) : throw await MissingAsync(findingId, cancellationToken);
    }

    /// <exception cref="WorkflowRuleException">The user has no access to the asset, or a field is too long; nothing changed.</exception>
    public async Task<DueDiligenceView> UpdateAsync(long findingId, DueDiligenceUpdate update, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var user = await WorkflowUsers.ActorAsync(db, userName, cancellationToken);
        if (update.Status is { } wanted && !Enum.IsDefined(wanted))
        {
            throw new WorkflowRuleException($"'{wanted}' is not a due-diligence status.");
        }

        var contact = WorkflowText.Optional(update.Contact, "vendor contact", ColumnLengths.Name);
        var answer = WorkflowText.Optional(update.VendorAnswer, "vendor's answer", ColumnLengths.Message * 4);
        try
        {
            var item = await db.DueDiligenceItems.SingleOrDefaultAsync(d => d.FindingId == findingId, cancellationToken)
                ?? throw await MissingAsync(findingId, cancellationToken);
            var asset = await db.Findings.Where(f => f.Id == findingId).Select(f => new { f.Asset!.Name, f.Asset.OwnerTeam }).SingleAsync(cancellationToken);
            WorkflowUsers.RequireAccess(user, asset.Name, asset.OwnerTeam);
            var now = clock.GetUtcNow();
            if (update.ContactedAt > now)
            {
                throw new WorkflowRuleException($"The vendor cannot have been contacted in the future ({update.ContactedAt:yyyy-MM-dd HH:mm} UTC).");
            }

            item.Contact = contact ?? item.Contact;
            item.VendorAnswer = answer ?? item.VendorAnswer;
            item.VendorFixDate = update.VendorFixDate ?? item.VendorFixDate;
            item.ContactedAt = update.ContactedAt?.ToUniversalTime() ?? item.ContactedAt;
            item.Status = update.Status ?? item.Status;
            if (item.Status == DueDiligenceStatus.VendorContacted && item.ContactedAt is null)
            {
                item.ContactedAt = now;
            }

            item.UpdatedAt = now;
            item.UpdatedBy = user.UserName;
            await db.SaveChangesAsync(cancellationToken);
            return DueDiligenceView.Of(item);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Opens an item for every open finding of the asset that has none, when the asset needs due diligence; one statement.</summary>
    /// <returns>The items opened.</returns>
    public async Task<int> OpenForAssetAsync(long assetId, CancellationToken cancellationToken = default)
    {
        var asset = await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assetId, cancellationToken);
        if (asset is null || !RemediationOwnership.NeedsDueDiligence(asset.Layer, asset.UpstreamProvider))
        {
            return 0;
        }

        var vendor = asset.UpstreamProvider!.Trim();
        var party = RemediationOwnership.AccountableFor(asset.Layer);
        var now = clock.GetUtcNow();
        var missing = await db.Findings
            .Where(f => f.AssetId == assetId && f.Status == FindingStatus.Open && !db.DueDiligenceItems.Any(d => d.FindingId == f.Id))
            .Select(f => f.Id).ToListAsync(cancellationToken);
        db.DueDiligenceItems.AddRange(missing.Select(id => new DueDiligenceItem
        {
            FindingId = id, Vendor = vendor, AccountableParty = party, Status = DueDiligenceStatus.Open, OpenedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }

    private async Task<Exception> MissingAsync(long findingId, CancellationToken cancellationToken) =>
        await db.Findings.AnyAsync(f => f.Id == findingId, cancellationToken)
            ? new WorkflowNotFoundException(
                $"Finding {findingId} has no due-diligence item: its asset names no upstream provider, or AIS-07 makes the application provider accountable on its layer.")
            : new WorkflowNotFoundException($"There is no finding {findingId}.");
}
