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
    [property: FromForm(Name = "scanDate")] string? ScanDate,
    [property: FromForm(Name = "scope")] string? Scope = null);

/// <summary>What an import did, shaped like <c>rampart import --json</c>.</summary>
public sealed record ScanImported(
    string Format, string Asset, string Tool, string Scope, int Findings, int New, int Unchanged, int Reopened, int Closed,
    int Duplicates, int Components, bool AlreadyImported, long ScanId)
{
    public static ScanImported From(ImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(
            ReportFormatNames.Name(result.Format), result.Asset, result.Tool, result.Scope, result.Findings, result.New, result.Unchanged,
            result.Reopened, result.Closed, result.Duplicates, result.Components, result.AlreadyImported, result.ScanId);
    }
}

public static class ScansApi
{
    public static RouteGroupBuilder MapScansApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/scans").WithTags("Scans");
        group.MapPost("/", UploadAsync)
            .WithSummary("Import a scanner, SBOM or AI red-teaming report for an asset")
            .WithDescription("Multipart form: file (required), asset (required), format (" + string.Join('|', ReportFormatNames.All) + "), "
                + "scope (what the scan covered; default: what the report says), scanDate (ISO 8601). "
                + "The import is one transaction: a bad report changes nothing and answers 400 naming the file and position. "
                + "A byte-identical file that is still its source's latest scan is not imported again: the answer is 200 with alreadyImported = true.")
            .Accepts<ScanUploadForm>("multipart/form-data");
        return group;
    }

    public static async Task<Results<Created<ScanImported>, Ok<ScanImported>, ValidationProblem, ProblemHttpResult>> UploadAsync(
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

        var format = ReportFormat.Auto;
        if (!string.IsNullOrWhiteSpace(form.Format) && !ReportFormatNames.TryParse(form.Format, out format))
        {
            errors["format"] = [$"'{form.Format}' is not a format; use one of: {string.Join(", ", ReportFormatNames.All)}."];
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
            var request = new ImportRequest(
                form.Asset!.Trim(), content, Path.GetFileName(form.File!.FileName), format, scanDate, http.User.Identity?.Name,
                string.IsNullOrWhiteSpace(form.Scope) ? null : form.Scope.Trim());
            var result = await imports.ImportAsync(request, cancellationToken: cancellationToken);
            return result.AlreadyImported
                ? TypedResults.Ok(ScanImported.From(result))
                : TypedResults.Created((string?)null, ScanImported.From(result));
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
