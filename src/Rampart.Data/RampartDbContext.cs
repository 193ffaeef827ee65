using Microsoft.EntityFrameworkCore;
using Rampart.Core.Assets;
using Rampart.Core.Feeds;
using Rampart.Core.Findings;
using Rampart.Core.Inventory;
using Rampart.Core.Notifications;
using Rampart.Core.Policies;
using Rampart.Core.Prioritization;
using Rampart.Core.Osv;
using Rampart.Core.Security;
using Rampart.Core.Workflow;
using Rampart.Core.Tickets;

namespace Rampart.Data;

/// <summary>The one EF Core model, shared by the SQLite and PostgreSQL providers.</summary>
public sealed class RampartDbContext(DbContextOptions<RampartDbContext> options) : DbContext(options)
{
    public DbSet<Asset> Assets => Set<Asset>();

    public DbSet<Finding> Findings => Set<Finding>();

    public DbSet<Observation> Observations => Set<Observation>();

    public DbSet<Scan> Scans => Set<Scan>();

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<Component> Components => Set<Component>();

    public DbSet<VulnerabilityAlias> VulnerabilityAliases => Set<VulnerabilityAlias>();

    public DbSet<PriorityChange> PriorityChanges => Set<PriorityChange>();

    public DbSet<OsvEntry> OsvEntries => Set<OsvEntry>();

    public DbSet<OsvAffectedPackage> OsvAffectedPackages => Set<OsvAffectedPackage>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<User> Users => Set<User>();

    public DbSet<EpssScore> EpssScores => Set<EpssScore>();

    public DbSet<EpssDay> EpssDays => Set<EpssDay>();

    public DbSet<KevEntry> KevEntries => Set<KevEntry>();

    public DbSet<FeedState> FeedStates => Set<FeedState>();

    public DbSet<PolicyVersion> PolicyVersions => Set<PolicyVersion>();

    public DbSet<PolicyTransition> PolicyTransitions => Set<PolicyTransition>();

    public DbSet<PolicyAcknowledgement> PolicyAcknowledgements => Set<PolicyAcknowledgement>();

    public DbSet<PolicyExemption> PolicyExemptions => Set<PolicyExemption>();

    public DbSet<SignificantChange> SignificantChanges => Set<SignificantChange>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<FindingTransition> FindingTransitions => Set<FindingTransition>();

    public DbSet<RiskAcceptance> RiskAcceptances => Set<RiskAcceptance>();

    public DbSet<DueDiligenceItem> DueDiligenceItems => Set<DueDiligenceItem>();

    public DbSet<Escalation> Escalations => Set<Escalation>();

    public DbSet<SlaPause> SlaPauses => Set<SlaPause>();
    public DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>();

    public DbSet<FindingTicket> FindingTickets => Set<FindingTicket>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RampartDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Enums are stored by name so the database reads plainly and appending enum members is safe.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(ColumnLengths.Enum);

        // The only provider difference in the model: SQLite cannot order DateTimeOffset, so it stores UTC ticks.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }
}
