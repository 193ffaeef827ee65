using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Findings;
using Rampart.Services.Imports;
using Spectre.Console;

namespace Rampart.Cli.Commands;

internal static class ImportCommand
{
    /// <summary>The --json shape of one imported file (documented in the README).</summary>
    internal sealed record ImportSummary(
        string Format, string Asset, string Tool, string Scope, int Findings, int New, int Unchanged, int Reopened, int Closed,
        int Duplicates, int Components, bool AlreadyImported, long ScanId);

    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Report files: SARIF, CycloneDX, SPDX, Trivy, Grype, OSV-Scanner, npm audit, Dependency-Check, ZAP, garak, promptfoo, Rampart generic JSON/CSV.", Arity = ArgumentArity.OneOrMore };
        var asset = new Option<string>("--asset") { Description = "The asset the reports are about (created on first import).", Required = true };
        var format = new Option<string>("--format") { Description = "Report format; auto detects it from the content.", DefaultValueFactory = _ => "auto" };
        format.AcceptOnlyFromAmong([.. ReportFormatNames.All]);
        var scope = new Option<string?>("--scope") { Description = "What the scan covered (image, repository, site, model). Default: what the report says. Findings close only against earlier scans of the same tool and scope." };
        var scanDate = new Option<string?>("--scan-date") { Description = "When the scan ran (ISO 8601 date or date-time, UTC if no offset). Default: the report's date, else now." };

        var command = new Command("import", "Import scan reports for an asset. Each file is one transaction and a complete scan of the asset by its tool and scope: findings it no longer reports are closed as fixed. Importing the same file again changes nothing.")
        {
            files, asset, format, scope, scanDate, CliOptions.Json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var date = ParseScanDate(parse.GetValue(scanDate));
                var reportFormat = ReportFormatNames.TryParse(parse.GetValue(format), out var named) ? named : ReportFormat.Auto;
                var json = parse.GetValue(CliOptions.Json);
                await using var provider = await CliDatabase.OpenAsync(parse.GetValue(CliOptions.Database), cancellationToken);
                foreach (var file in parse.GetValue(files)!)
                {
                    var result = await ImportOneAsync(provider, file, parse.GetValue(asset)!, reportFormat, parse.GetValue(scope), date, json, cancellationToken);
                    Print(result, file, json);
                }

                return CliErrors.Success;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return CliErrors.Report(ex);
            }
        });
        return command;
    }

    internal static DateTimeOffset? ParseScanDate(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            return date;
        }

        throw new ImportException($"--scan-date '{value}' is not an ISO 8601 date (e.g. 2026-03-01 or 2026-03-01T14:30:00Z).");
    }

    private static async Task<ImportResult> ImportOneAsync(
        ServiceProvider provider, FileInfo file, string asset, ReportFormat format, string? scanScope, DateTimeOffset? scanDate, bool json, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new FileNotFoundException($"{file.FullName}: no such file.", file.FullName);
        }

        await using var scope = provider.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ImportService>();
        await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var request = new ImportRequest(asset, stream, file.Name, format, scanDate, ImportedBy: Environment.UserName, Scope: scanScope);

        // People get a progress bar on long imports; machines (--json, redirected output) get none.
        if (json || !AnsiConsole.Profile.Capabilities.Interactive || file.Length < 4 << 20)
        {
            return await importer.ImportAsync(request, progress: null, cancellationToken);
        }

        ImportResult? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(file.Name), maxValue: file.Length);
                var progress = new Progress<long>(read => task.Value = read);
                result = await importer.ImportAsync(request, progress, cancellationToken);
                task.Value = file.Length;
            });
        return result!;
    }

    private static void Print(ImportResult result, FileInfo file, bool json)
    {
        if (json)
        {
            var summary = new ImportSummary(
                ReportFormatNames.Name(result.Format), result.Asset, result.Tool, result.Scope, result.Findings, result.New, result.Unchanged,
                result.Reopened, result.Closed, result.Duplicates, result.Components, result.AlreadyImported, result.ScanId);
            Console.WriteLine(JsonSerializer.Serialize(summary, CliOptions.JsonOutput));
            return;
        }

        var scope = result.Scope.Length > 0 ? $" ({result.Scope})" : "";
        if (result.AlreadyImported)
        {
            Console.WriteLine($"{file.Name}: already imported as scan {result.ScanId} for asset '{result.Asset}' and still its latest {result.Tool}{scope} scan; nothing changed.");
            return;
        }

        var extras = (result.Duplicates > 0 ? $", {result.Duplicates} duplicate results merged" : "") + (result.Components > 0 ? $", {result.Components} components registered" : "");
        Console.WriteLine(
            $"{file.Name}: {ReportFormatNames.Name(result.Format)} report from {result.Tool}{scope} for asset '{result.Asset}': " +
            $"{result.Findings} findings — {result.New} new, {result.Unchanged} unchanged, {result.Reopened} reopened, {result.Closed} closed as fixed{extras}.");
    }
}
