using Rampart.Core.Osv;

namespace Rampart.Services.Osv;

/// <summary>A stored <c>affected[]</c> package that names a package of the inventory, with its record's facts.</summary>
internal sealed record CandidatePackage(OsvAffected Affected, int GitRanges, CandidateEntry Entry);

/// <summary>The stored record a candidate belongs to (shared by its packages).</summary>
internal sealed record CandidateEntry(string Id, string? Summary, IReadOnlyList<string> Aliases, IReadOnlyList<string> CvssVectors, Core.Findings.Severity? Severity);
