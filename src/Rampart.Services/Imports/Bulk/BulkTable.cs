using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Rampart.Services.Imports.Bulk;

/// <summary>One column as the bulk writers see it: its name, the value in provider form, and the provider type.</summary>
internal sealed record BulkColumn(string Name, Type ProviderType, Func<object, object?> Read);

/// <summary>
/// A table's writable columns taken from the EF model (names, value converters, computed columns skipped), so the
/// bulk writers and EF agree on the schema by construction. One instance per model and entity type.
/// </summary>
internal sealed class BulkTable
{
    private static readonly ConcurrentDictionary<(IModel, Type), BulkTable> Cache = new();

    private BulkTable(string name, IReadOnlyList<BulkColumn> columns)
    {
        Name = name;
        Columns = columns;
        ByName = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public string Name { get; }

    /// <summary>Every stored, non-computed column, the key first.</summary>
    public IReadOnlyList<BulkColumn> Columns { get; }

    public IReadOnlyDictionary<string, BulkColumn> ByName { get; }

    public static BulkTable For<T>(DbContext db) =>
        Cache.GetOrAdd((db.Model, typeof(T)), static key => Build(key.Item1, key.Item2));

    private static BulkTable Build(IModel model, Type clrType)
    {
        var entity = model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = new List<BulkColumn>();
        foreach (var property in entity.GetProperties().OrderBy(p => p.IsPrimaryKey() ? 0 : 1))
        {
            if (property.GetComputedColumnSql(table) is not null || property.IsShadowProperty())
            {
                continue;
            }

            var getter = property.GetGetter();
            var converter = property.GetTypeMapping().Converter;
            var providerType = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? property.ClrType) ?? converter?.ProviderClrType ?? property.ClrType;
            Func<object, object?> read = converter is null
                ? entityValue => getter.GetClrValue(entityValue)
                : entityValue => getter.GetClrValue(entityValue) is { } value ? converter.ConvertToProvider(value) : null;
            columns.Add(new BulkColumn(property.GetColumnName(table)!, providerType, read));
        }

        return new BulkTable(entity.GetTableName()!, columns);
    }
}
