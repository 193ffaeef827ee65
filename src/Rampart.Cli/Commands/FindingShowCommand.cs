using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Services.Findings;
using Spectre.Console;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart findings show ID</c>: one finding with the path of its priority decision and its history.</summary>
internal static class FindingShowCommand
{
    public static Command Create()
    {
        var id = new Argument<long>("id") { Description = "The finding's id (as `rampart findings` lists it)." };
        var command = new Command("show", "Show one finding: why it has its priority, the override beside it, the feeds' intel and the priority history.")
        {
            id, CliOptions.Json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await using var provider = await CliDatabase.OpenAsync(parse.GetValue(CliOptions.Database), cancellationToken);
                await using var scope = provider.CreateAsyncScope();
                var findingId = parse.GetValue(id);
                if (await scope.ServiceProvider.GetRequiredService<FindingQueries>().GetAsync(findingId, cancellationToken) is not { } finding)
                {
                    Console.Error.WriteLine($"rampart: error: there is no finding {findingId}.");
                    return CliErrors.BadInput;
                }

                if (parse.GetValue(CliOptions.Json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(finding, CliOptions.JsonOutput));
                }
                else
                {
                    Print(finding);
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

    private static void Print(FindingDetail finding)
    {
        var s = finding.Summary;
        var p = finding.Prioritization!;

        // Scanner text is hostile: everything from a report is escaped before it reaches the console's markup.
        AnsiConsole.MarkupLine($"[bold]#{s.Id} {Markup.Escape(s.Title)}[/]");
        AnsiConsole.MarkupLine($"{Markup.Escape(s.Asset)} · {s.Kind} · {s.Status} · severity {s.Severity} · due {Day(s.DueDate)}{(s.Overdue ? " [red]overdue[/]" : "")}");
        var computed = p.Override is null ? "" : $" (computed {p.Computed})";
        AnsiConsole.MarkupLine($"Priority [bold]{p.Effective}[/]{computed}{(p.Ssvc is null ? "" : $" · SSVC {Markup.Escape(p.Ssvc)}")}{(p.Exploitation is null ? "" : $" · exploitation {p.Exploitation}")}");
        if (p.Override is { } chosen)
        {
            AnsiConsole.MarkupLine($"Override {chosen.Priority} by {Markup.Escape(chosen.By)} on {chosen.At:yyyy-MM-dd}: {Markup.Escape(chosen.Justification)}");
        }

        Console.WriteLine();
        Console.WriteLine("Why:");
        foreach (var line in p.Path)
        {
            Console.WriteLine($"  {line}");
        }

        var intel = p.Intel;
        Console.WriteLine();
        Console.WriteLine($"Feeds now: {(intel.KevDateAdded is { } added ? $"CISA KEV since {added:yyyy-MM-dd} ({intel.KevId})" : "not in CISA KEV")}; "
            + (intel.Epss is { } epss ? $"EPSS {epss.ToString("0.#####", CultureInfo.InvariantCulture)} on {intel.EpssDate:yyyy-MM-dd}" : "no EPSS score"));
        if (finding.PriorityHistory.Count > 0)
        {
            Console.WriteLine();
            var table = new Table().AddColumns("When", "From", "To", "Cause", "By", "Summary");
            foreach (var change in finding.PriorityHistory)
            {
                table.AddRow(
                    change.ChangedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), change.From.ToString(), change.To.ToString(),
                    Markup.Escape(change.Cause), Markup.Escape(change.ChangedBy ?? ""), Markup.Escape(change.Summary));
            }

            AnsiConsole.Write(table);
        }
    }

    private static string Day(DateTimeOffset? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
}
