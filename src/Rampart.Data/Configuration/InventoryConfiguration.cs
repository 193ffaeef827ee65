using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Core.Inventory;

namespace Rampart.Data.Configuration;

internal sealed class ComponentConfiguration : IEntityTypeConfiguration<Component>
{
    public void Configure(EntityTypeBuilder<Component> builder)
    {
        builder.HasOne<Asset>().WithMany().HasForeignKey(c => c.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Source>().WithMany().HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Name).HasMaxLength(ColumnLengths.Component);
        builder.Property(c => c.Version).HasMaxLength(ColumnLengths.Version);
        builder.Property(c => c.Purl).HasMaxLength(ColumnLengths.Purl);
        builder.Property(c => c.Type).HasMaxLength(ColumnLengths.Enum * 2);
        builder.Property(c => c.Supplier).HasMaxLength(ColumnLengths.Name);
        builder.Property(c => c.License).HasMaxLength(ColumnLengths.Name);
        builder.Property(c => c.Cpe).HasMaxLength(ColumnLengths.Purl);

        // An asset's inventory, and "which assets contain this package" for feed matching (issue 4).
        builder.HasIndex(c => new { c.SourceId, c.Name });
        builder.HasIndex(c => new { c.Name, c.Version });
        builder.HasIndex(c => c.AssetId);
    }
}

internal sealed class VulnerabilityAliasConfiguration : IEntityTypeConfiguration<VulnerabilityAlias>
{
    public void Configure(EntityTypeBuilder<VulnerabilityAlias> builder)
    {
        builder.HasKey(a => a.Alias);
        builder.Property(a => a.Alias).HasMaxLength(ColumnLengths.VulnerabilityId);
        builder.Property(a => a.CanonicalId).HasMaxLength(ColumnLengths.VulnerabilityId);
        builder.HasIndex(a => a.CanonicalId);
    }
}
