using Rampart.Core.Findings;
using Rampart.Data;
using Rampart.Services.Imports.Bulk;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Imports;

/// <summary>The hand-written bulk rows must write every stored column of the EF model, in any order, and nothing else.</summary>
public sealed class BulkShapeTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RowShapes_MatchTheModelColumns(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        await harness.WithDbAsync(db =>
        {
            Assert.Equal(
                BulkTable.For<Finding>(db).Columns.Select(c => c.Name).Order(StringComparer.Ordinal),
                FindingRows.Instance.Columns.Order(StringComparer.Ordinal));
            Assert.Equal(
                BulkTable.For<Observation>(db).Columns.Select(c => c.Name).Order(StringComparer.Ordinal),
                ObservationRows.Instance.Columns.Order(StringComparer.Ordinal));
            Assert.Equal("Findings", BulkTable.For<Finding>(db).Name);
            Assert.Equal("Observations", BulkTable.For<Observation>(db).Name);
            return Task.CompletedTask;
        });
    }
}
