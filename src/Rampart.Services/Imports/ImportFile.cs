using Rampart.Core.Findings;

namespace Rampart.Services.Imports;

/// <summary>The file being imported, as checked before the transaction starts.</summary>
internal sealed record ImportFile(string FileName, ReportFormat Format, string Sha256);
