using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rampart.Core.Feeds;

namespace Rampart.Data.Configuration;

internal sealed class EpssDayConfiguration : IEntityTypeConfiguration<EpssDay>
{
    public void Configure(EntityTypeBuilder<EpssDay> builder)
    {
        builder.HasKey(d => d.ScoreDate);
        builder.Property(d => d.ModelVersion).HasMaxLength(ColumnLengths.Version);
        builder.Property(d => d.Sha256).HasMaxLength(ColumnLengths.Sha256Hex);
    }
}
