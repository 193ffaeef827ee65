using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rampart.Core.Findings;
using Rampart.Ingest;
using Rampart.Services.Imports;

namespace Rampart.Web.Apis;

/// <summary>The multipart form of <c>POST /api/v1/scans</c>.</summary>
public sealed record ScanUploadForm(
    [property: FromForm(Name = "file")] IFormFile? File,
    [property: FromForm(Name = "asset")] string? Asset,
    [property: FromForm(Name = "format")] string? Format,
    [property: FromForm(Name = "scanDate")] string? ScanDate);

/// <summary>What an import did, shaped like <c>rampart import --json</c>.</summary>
public sealed record ScanImported(string Format, string Asset, string Tool, int Findings, int New, int Unchanged, int Reopened, int Closed, long ScanId)
{
    public static ScanImported From(ImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
#pragma warning disable CA1308 // the wire format names formats in lower case, as the CLI's --format does
        return new(result.Format.ToString().ToLowerInvariant(), result.Asset, result.Tool, result.Findings, result.New, result.Unchanged, result.Reopened, result.Closed, result.ScanId);
#pragma warning restore CA1308
    }
}

public static class ScansApi
{
    public static RouteGroupBuilder MapScansApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/scans").WithTags("Scans");
        group.MapPost("/", UploadAsync)
            .WithSummary("Import a scanner report (SARIF, CycloneDX, Trivy) for an asset")
            .WithDescription("Multipart form: file (required), asset (required), format (auto|sarif|cyclonedx|trivy), scanDate (ISO 8601). "
                + "The import is one transaction: a bad report changes nothing and answers 400 naming the file and position.")
            .Accepts<ScanUploadForm>("multipart/form-data");
        return group;
    }

    public static async Task<Results<Created<ScanImported>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        [AsParameters] ScanUploadForm form,
        ImportService imports,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (form.File is null)
        {
            errors["file"] = ["A report file is required (multipart field 'file')."];
        }

        if (string.IsNullOrWhiteSpace(form.Asset))
        {
            errors["asset"] = ["The asset the report is about is required (field 'asset')."];
        }

        if (!EnumText.TryParse<ReportFormat>(form.Format, out var format))
        {
            errors["format"] = [$"'{form.Format}' is not a format; use auto, sarif, cyclonedx or trivy."];
        }

        if (!TryParseScanDate(form.ScanDate, out var scanDate))
        {
            errors["scanDate"] = [$"'{form.ScanDate}' is not an ISO 8601 date, e.g. 2025-01-31 or 2025-01-31T12:00:00Z."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            await using var content = await SeekableUpload.OpenAsync(form.File!, cancellationToken);
            var request = new ImportRequest(form.Asset!.Trim(), content, Path.GetFileName(form.File!.FileName), format ?? ReportFormat.Auto, scanDate, http.User.Identity?.Name);
            var result = await imports.ImportAsync(request, cancellationToken: cancellationToken);
            return TypedResults.Created((string?)null, ScanImported.From(result));
        }
        catch (ReportFormatException error)
        {
            return ImportProblems.From(error);
        }
        catch (ImportException error)
        {
            return ImportProblems.From(error, form.File!.FileName);
        }
    }

    /// <summary>Empty means "not given"; a date without an offset is UTC.</summary>
    public static bool TryParseScanDate(string? text, out DateTimeOffset? scanDate)
    {
        scanDate = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            scanDate = parsed;
            return true;
        }

        return false;
    }
}
