using System.Runtime.CompilerServices;
using System.Text.Json;
using Rampart.Core.Ingest;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.NpmAudit;

/// <summary>
/// Streams <c>npm audit --json</c> output, one map entry at a time, in both of its shapes:
/// <list type="bullet">
/// <item>v1 (npm 6 and earlier): <c>{actions, advisories: {id: advisory}, muted, metadata}</c>. One finding per
/// advisory and installed version (the distinct <c>findings[].version</c>): the installed version is part of a
/// vulnerability's identity, and two versions of one package are upgraded separately. The dependency paths of
/// that version are kept as evidence.</item>
/// <item>v2 (npm 7 and later, <c>auditReportVersion: 2</c>): <c>{vulnerabilities: {package: entry}, metadata}</c>.
/// One finding per (package, advisory object in <c>via</c>). String <c>via</c> entries only say that a package is
/// affected through a vulnerable dependency, whose own entry carries that advisory: they are not counted again.
/// v2 does not say which version is installed (only the affected <c>range</c> and the <c>nodes</c> paths), so
/// <see cref="ReportedFinding.ComponentVersion"/> stays null.</item>
/// </list>
/// npm's <c>{"error": {code, summary}}</c> object (the audit itself failed) is reported as a format error quoting npm.
/// Neither shape names npm's version or the audit time.
/// </summary>
internal static class NpmAuditReport
{
    public static IAsyncEnumerable<ReportedFinding> ReadAsync(ReportInput input, ReportMetadata metadata, CancellationToken cancellationToken) =>
        ReadAsync(input.Json(), metadata, cancellationToken);

    private static async IAsyncEnumerable<ReportedFinding> ReadAsync(
        JsonTokenStream json, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await json.ReadAsync(cancellationToken) || json.TokenType != JsonTokenType.StartObject)
        {
            throw NotNpmAudit(json, "the top level is not a JSON object");
        }

        metadata.Tool = NpmAuditMapper.Tool;
        var recognized = false;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
        {
            switch (name)
            {
                case "error":
                    throw new ReportFormatException(json.FileName, NpmAuditMapper.ErrorReason(await json.ReadDetachedAsync(cancellationToken)));
                case "auditReportVersion":
                    recognized = true;
                    await json.SkipValueAsync(cancellationToken);
                    break;
                case "advisories" or "vulnerabilities":
                    recognized = true;
                    if (!await ReadMapStartAsync(json, name, cancellationToken))
                    {
                        break;
                    }

                    while (await json.ReadPropertyNameAsync(cancellationToken) is { } key)
                    {
                        List<ReportedFinding> findings;
                        using (var entry = await json.ReadValueAsync(cancellationToken))
                        {
                            if (entry.RootElement.ValueKind != JsonValueKind.Object)
                            {
                                throw NotNpmAudit(json, $"each value of {name} must be an object, not {entry.RootElement.ValueKind}");
                            }

                            findings = name == "advisories"
                                ? NpmAuditMapper.MapAdvisory(entry.RootElement, key)
                                : NpmAuditMapper.MapVulnerability(entry.RootElement, key, seen);
                        }

                        foreach (var finding in findings)
                        {
                            yield return finding;
                        }
                    }

                    break;
                default:
                    await json.SkipValueAsync(cancellationToken);
                    break;
            }
        }

        await json.ReadEndAsync(cancellationToken);
        if (!recognized)
        {
            throw NotNpmAudit(json, "it has neither \"advisories\" (npm 6) nor \"auditReportVersion\" and \"vulnerabilities\" (npm 7+)");
        }
    }

    /// <summary>Starts reading a map value: true when it is an object, false when it is null.</summary>
    private static async ValueTask<bool> ReadMapStartAsync(JsonTokenStream json, string what, CancellationToken cancellationToken)
    {
        if (!await json.ReadAsync(cancellationToken))
        {
            throw json.Invalid($"the file ends before {what}");
        }

        return json.TokenType switch
        {
            JsonTokenType.StartObject => true,
            JsonTokenType.Null => false,
            _ => throw NotNpmAudit(json, $"{what} must be an object, not {json.TokenType}"),
        };
    }

    private static ReportFormatException NotNpmAudit(JsonTokenStream json, string why) =>
        json.Invalid($"not a valid npm audit JSON report: {why}");
}
