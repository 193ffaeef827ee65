using Rampart.Core.Feeds;
using Rampart.Data;
using Rampart.Services.Feeds;
using Rampart.Services.Imports.Bulk;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Feeds;

/// <summary>The feed tables' hand-written bulk rows must write every stored column of the EF model.</summary>
public sealed class FeedRowsTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RowShapes_MatchTheModelColumns(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        await harness.WithDbAsync(db =>
        {
            Assert.Equal(BulkTable.For<EpssScore>(db).Columns.Select(c => c.Name).Order(StringComparer.Ordinal), EpssScoreRows.Instance.Columns.Order(StringComparer.Ordinal));
            Assert.Equal(BulkTable.For<KevEntry>(db).Columns.Select(c => c.Name).Order(StringComparer.Ordinal), KevEntryRows.Instance.Columns.Order(StringComparer.Ordinal));
            Assert.Equal((EpssScoreRows.Instance.Table, KevEntryRows.Instance.Table), (BulkTable.For<EpssScore>(db).Name, BulkTable.For<KevEntry>(db).Name));
            return Task.CompletedTask;
        });
    }
}
