namespace Rampart.Core.Policies;

/// <summary>A recurring window in which changes (patches, redeployments) may be made.</summary>
/// <param name="Name">What people call it ("weekend").</param>
/// <param name="Days">The days it opens on.</param>
/// <param name="Start">Local opening time in <paramref name="TimeZone"/>.</param>
/// <param name="DurationMinutes">How long it stays open, 1 to 1440 minutes.</param>
/// <param name="TimeZone">"UTC" or an IANA time zone ("Europe/Berlin").</param>
public sealed record MaintenanceWindow(string Name, IReadOnlyList<DayOfWeek> Days, TimeOnly Start, int DurationMinutes, string TimeZone);
