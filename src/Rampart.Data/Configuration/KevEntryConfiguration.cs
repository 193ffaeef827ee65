using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rampart.Core.Feeds;

namespace Rampart.Data.Configuration;

internal sealed class KevEntryConfiguration : IEntityTypeConfiguration<KevEntry>
{
    public void Configure(EntityTypeBuilder<KevEntry> builder)
    {
        builder.HasKey(k => k.CveId);
        builder.Property(k => k.CveId).HasMaxLength(ColumnLengths.CveId);
        builder.Property(k => k.VendorProject).HasMaxLength(ColumnLengths.Name);
        builder.Property(k => k.Product).HasMaxLength(ColumnLengths.Name);
        builder.Property(k => k.VulnerabilityName).HasMaxLength(ColumnLengths.Title);
        builder.Property(k => k.KnownRansomwareCampaignUse).HasMaxLength(ColumnLengths.Enum);
        builder.Property(k => k.Cwes).HasMaxLength(ColumnLengths.Tag);
        builder.Property(k => k.CatalogVersion).HasMaxLength(ColumnLengths.Version);
    }
}
