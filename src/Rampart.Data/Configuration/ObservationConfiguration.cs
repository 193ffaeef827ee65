using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rampart.Core.Findings;

namespace Rampart.Data.Configuration;

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> builder)
    {
        builder.HasOne(o => o.Finding).WithMany(f => f.Observations).HasForeignKey(o => o.FindingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.Source).WithMany().HasForeignKey(o => o.SourceId).OnDelete(DeleteBehavior.Cascade);

        builder.Property(o => o.Tool).HasMaxLength(ColumnLengths.Tool);
        builder.Property(o => o.RawLocation).HasMaxLength(ColumnLengths.Path);
        builder.Property(o => o.Message).HasMaxLength(ColumnLengths.Message);

        // One observation per (finding, source); reconciliation reads a source's observations in one pass.
        builder.HasIndex(o => new { o.FindingId, o.SourceId }).IsUnique();
        builder.HasIndex(o => new { o.SourceId, o.Present });
    }
}
