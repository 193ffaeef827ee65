using Rampart.Core.Feeds;

namespace Rampart.Ingest.Feeds;

/// <summary>A whole KEV catalog as read: its version, release time (JSON only) and entries in catalog order.</summary>
/// <param name="CatalogVersion">The JSON's catalogVersion; for the CSV, which has none, the latest dateAdded as yyyy.MM.dd.</param>
public sealed record KevCatalog(string CatalogVersion, DateTimeOffset? DateReleased, IReadOnlyList<KevEntry> Entries, string Format);
