using Rampart.Data;

namespace Rampart.Services.Imports;

/// <summary>
/// Imports one report in one transaction: parse → fingerprint → correlate → reconcile → prioritize → store.
/// A bad file throws <see cref="Rampart.Ingest.ReportFormatException"/> or <see cref="ImportException"/> and changes nothing.
/// </summary>
public sealed class ImportService(RampartDbContext db, TimeProvider clock)
{
    /// <param name="progress">Receives the number of bytes read so far (for progress bars).</param>
    public Task<ImportResult> ImportAsync(ImportRequest request, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
