namespace Rampart.Services.Osv;

/// <summary>What loading one file, folder or zip of OSV records did.</summary>
/// <param name="Records">Records read (a record given twice counts twice).</param>
/// <param name="Added">Records new to the database.</param>
/// <param name="Replaced">Records stored before with an older <c>modified</c>, now replaced.</param>
/// <param name="Unchanged">Records whose stored version is as new or newer: left as they were (OSV schema §modified).</param>
/// <param name="Withdrawn">Records (stored now) that are withdrawn: they match nothing.</param>
/// <param name="AffectedPackages">Package entries stored for matching.</param>
/// <param name="GitRanges">GIT ranges read, which matching skips (they need the repository).</param>
/// <param name="WithoutPackage">affected[] entries without a package (e.g. GIT-only CVE entries): not matchable.</param>
public sealed record OsvLoadResult(
    string Path, int Records, int Added, int Replaced, int Unchanged, int Withdrawn, int AffectedPackages, int GitRanges, int WithoutPackage);
