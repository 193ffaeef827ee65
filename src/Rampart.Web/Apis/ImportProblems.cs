using Microsoft.AspNetCore.Http.HttpResults;
using Rampart.Ingest;
using Rampart.Services.Imports;

namespace Rampart.Web.Apis;

/// <summary>RFC 9457 problems for reports that cannot be imported, with the file and position as extension members.</summary>
public static class ImportProblems
{
    public const string Title = "The report could not be imported";

    public static ProblemHttpResult From(ReportFormatException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var extensions = new Dictionary<string, object?> { ["file"] = error.FileName };
        if (error.Line is { } line)
        {
            extensions["line"] = line;
        }

        if (error.BytePosition is { } position)
        {
            extensions["position"] = position;
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: Title, detail: error.Message, extensions: extensions);
    }

    public static ProblemHttpResult From(ImportException error, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(error);
        var detail = fileName is null || error.Message.Contains(fileName, StringComparison.Ordinal) ? error.Message : $"{fileName}: {error.Message}";
        var extensions = new Dictionary<string, object?>();
        if (fileName is not null)
        {
            extensions["file"] = fileName;
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: Title, detail: detail, extensions: extensions);
    }
}
