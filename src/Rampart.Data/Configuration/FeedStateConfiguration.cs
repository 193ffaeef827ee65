using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rampart.Core.Feeds;

namespace Rampart.Data.Configuration;

internal sealed class FeedStateConfiguration : IEntityTypeConfiguration<FeedState>
{
    public void Configure(EntityTypeBuilder<FeedState> builder)
    {
        builder.HasKey(f => f.Feed);
        builder.Property(f => f.Feed).HasMaxLength(ColumnLengths.Enum);
        builder.Property(f => f.Location).HasMaxLength(ColumnLengths.Path);
        builder.Property(f => f.ETag).HasMaxLength(ColumnLengths.Name);
        builder.Property(f => f.Version).HasMaxLength(ColumnLengths.Version);
        builder.Property(f => f.Sha256).HasMaxLength(ColumnLengths.Sha256Hex);
    }
}
