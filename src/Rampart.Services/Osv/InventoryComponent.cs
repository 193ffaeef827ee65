using Rampart.Ingest.Formats.OsvScanner;

namespace Rampart.Services.Osv;

/// <summary>One component of an asset's inventory, with the OSV package its purl names.</summary>
internal sealed record InventoryComponent(long AssetId, string Purl, string Name, string Version, PurlPackage Package, string NameKey);
