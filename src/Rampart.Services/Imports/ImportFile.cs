using Rampart.Core.Findings;

namespace Rampart.Services.Imports;

/// <summary>The file being imported, as checked before the transaction starts.</summary>
/// <param name="Sha256">Known before the import when an earlier scan of the asset had the same size; else computed while reading.</param>
internal sealed record ImportFile(string FileName, ReportFormat Format, string? Sha256, long Length);
