using Microsoft.EntityFrameworkCore;
using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Core.Security;

namespace Rampart.Data;

/// <summary>The one EF Core model, shared by the SQLite and PostgreSQL providers.</summary>
public sealed class RampartDbContext(DbContextOptions<RampartDbContext> options) : DbContext(options)
{
    public DbSet<Asset> Assets => Set<Asset>();

    public DbSet<Finding> Findings => Set<Finding>();

    public DbSet<Observation> Observations => Set<Observation>();

    public DbSet<Scan> Scans => Set<Scan>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<User> Users => Set<User>();
}
