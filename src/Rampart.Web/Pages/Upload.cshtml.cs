using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rampart.Core.Findings;
using Rampart.Ingest;
using Rampart.Services.Findings;
using Rampart.Services.Imports;
using Rampart.Web.Apis;

namespace Rampart.Web.Pages;

public sealed class UploadModel(ImportService imports, FindingQueries queries) : PageModel
{
    [BindProperty]
    public IFormFile? Report { get; set; }

    [BindProperty]
    public string? Asset { get; set; }

    [BindProperty]
    public string? Format { get; set; }

    [BindProperty]
    public string? ScanDate { get; set; }

    [BindProperty]
    public string? Scope { get; set; }

    public IReadOnlyList<AssetView> Assets { get; private set; } = [];

    public ScanImported? Result { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Assets = await queries.ListAssetsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Error = Validate(out var format, out var scanDate);
        if (Error is null)
        {
            try
            {
                await using var content = await SeekableUpload.OpenAsync(Report!, cancellationToken);
                var request = new ImportRequest(
                    Asset!.Trim(), content, Path.GetFileName(Report!.FileName), format, scanDate, User.Identity?.Name,
                    string.IsNullOrWhiteSpace(Scope) ? null : Scope.Trim());
                Result = ScanImported.From(await imports.ImportAsync(request, cancellationToken: cancellationToken));
            }
            catch (ReportFormatException error)
            {
                Error = error.Message;
            }
            catch (ImportException error)
            {
                Error = $"{Path.GetFileName(Report!.FileName)}: {error.Message}";
            }
        }

        Assets = await queries.ListAssetsAsync(cancellationToken);
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private string? Validate(out ReportFormat format, out DateTimeOffset? scanDate)
    {
        scanDate = null;
        format = ReportFormat.Auto;
        if (!string.IsNullOrWhiteSpace(Format) && !ReportFormatNames.TryParse(Format, out format))
        {
            return $"'{Format}' is not a format.";
        }

        if (Report is null)
        {
            return "Choose a report file to upload.";
        }

        if (string.IsNullOrWhiteSpace(Asset))
        {
            return "Name the asset the report is about.";
        }

        return ScansApi.TryParseScanDate(ScanDate, out scanDate) ? null : $"'{ScanDate}' is not a date.";
    }
}
