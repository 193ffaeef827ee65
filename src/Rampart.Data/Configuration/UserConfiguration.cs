using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rampart.Core.Security;

namespace Rampart.Data.Configuration;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.UserName).HasMaxLength(ColumnLengths.Name);
        builder.Property(u => u.PasswordHash).HasMaxLength(500);
        builder.Property(u => u.Email).HasMaxLength(320); // RFC 5321 §4.5.3.1: 64-octet local part + "@" + 255-octet domain
        builder.HasIndex(u => u.UserName).IsUnique();
    }
}
