using Rampart.Core.Ingest;

namespace Rampart.Ingest.Formats.Spdx;

// PLACEHOLDER: replaced by the real reader in this change; never committed as is.
internal static class SpdxReport
{
    public static IAsyncEnumerable<ReportedFinding> ReadAsync(ReportInput input, ReportMetadata metadata, CancellationToken cancellationToken) =>
        throw input.Invalid("this format's reader is not written yet");
}
