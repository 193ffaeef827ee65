using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rampart.Core.Findings;

namespace Rampart.Data.Configuration;

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> builder)
    {
        builder.HasOne(o => o.Finding).WithMany(f => f.Observations).HasForeignKey(o => o.FindingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.Scan).WithMany().HasForeignKey(o => o.ScanId).OnDelete(DeleteBehavior.Cascade);

        builder.Property(o => o.Tool).HasMaxLength(ColumnLengths.Tool);
        builder.Property(o => o.RawLocation).HasMaxLength(ColumnLengths.Path);
        builder.Property(o => o.Message).HasMaxLength(ColumnLengths.Message);

        // A finding's history (newest first) and reconciliation's "was it seen in scan X".
        builder.HasIndex(o => new { o.FindingId, o.SeenAt });
        builder.HasIndex(o => new { o.ScanId, o.FindingId });
    }
}
