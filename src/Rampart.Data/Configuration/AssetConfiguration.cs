using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rampart.Core.Assets;

namespace Rampart.Data.Configuration;

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(ColumnLengths.Name);
        builder.HasIndex(a => a.Name).IsUnique();
        builder.Property(a => a.OwnerTeam).HasMaxLength(ColumnLengths.Name);
        builder.Property(a => a.UpstreamProvider).HasMaxLength(ColumnLengths.Name);
        builder.Property(a => a.Version).HasMaxLength(ColumnLengths.Version);
        builder.Property(a => a.Purl).HasMaxLength(ColumnLengths.Purl);
        builder.Property(a => a.AgentTools).HasMaxLength(ColumnLengths.Tag);
        builder.Ignore(a => a.AccountableParty);
    }
}
