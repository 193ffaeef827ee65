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

        builder.HasOne<Source>().WithMany().HasForeignKey(s => s.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Scope).HasMaxLength(ColumnLengths.Scope);

        // A source's scans, "was this very file imported already", and the most recent imports on the dashboard.
        builder.HasIndex(s => new { s.SourceId, s.Id });
        builder.HasIndex(s => new { s.AssetId, s.FileSha256 });
        builder.HasIndex(s => s.ImportedAt);
    }
}
