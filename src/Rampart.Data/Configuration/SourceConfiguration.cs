using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rampart.Core.Assets;
using Rampart.Core.Findings;

namespace Rampart.Data.Configuration;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.HasOne<Asset>().WithMany().HasForeignKey(s => s.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Tool).HasMaxLength(ColumnLengths.Tool);
        builder.Property(s => s.Scope).HasMaxLength(ColumnLengths.Scope);
        builder.HasIndex(s => new { s.AssetId, s.Tool, s.Scope }).IsUnique();
    }
}
