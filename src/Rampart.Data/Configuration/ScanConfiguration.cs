using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rampart.Core.Assets;
using Rampart.Core.Findings;

namespace Rampart.Data.Configuration;

internal sealed class ScanConfiguration : IEntityTypeConfiguration<Scan>
{
    public void Configure(EntityTypeBuilder<Scan> builder)
    {
        builder.HasOne<Asset>().WithMany().HasForeignKey(s => s.AssetId).OnDelete(DeleteBehavior.Cascade);

        builder.Property(s => s.Tool).HasMaxLength(ColumnLengths.Tool);
        builder.Property(s => s.ToolVersion).HasMaxLength(ColumnLengths.Version);
        builder.Property(s => s.FileName).HasMaxLength(ColumnLengths.FileName);
        builder.Property(s => s.FileSha256).HasMaxLength(ColumnLengths.Sha256Hex);
        builder.Property(s => s.ImportedBy).HasMaxLength(ColumnLengths.Name);

        // The previous scan of an (asset, tool), and the most recent imports on the dashboard.
        builder.HasIndex(s => new { s.AssetId, s.Tool, s.Id });
        builder.HasIndex(s => s.ImportedAt);
    }
}
