using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Rampart.Data;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as UTC ticks on SQLite, whose provider cannot compare or ORDER BY
/// DateTimeOffset text. Values are read back as UTC (offset zero); every timestamp in Rampart is UTC.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
