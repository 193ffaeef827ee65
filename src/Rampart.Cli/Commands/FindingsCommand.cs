using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Findings;
using Rampart.Core.Workflow;
using Rampart.Services.Findings;
using Rampart.Services.Workflow;
using Spectre.Console;

namespace Rampart.Cli.Commands;

internal static class FindingsCommand
{
    public static Command Create()
    {
        var asset = new Option<string?>("--asset") { Description = "Only findings of this asset." };
        var status = new Option<FindingStatus?>("--status") { Description = "Only findings in this status (Open, Fixed, RiskAccepted, FalsePositive, NotAffected)." };
        var priority = new Option<Priority?>("--priority") { Description = "Only findings of this priority (P1..P4)." };
        var limit = new Option<int>("--limit") { Description = "At most this many findings (1..10000).", DefaultValueFactory = _ => 100 };
        var mine = new Option<bool>("--mine") { Description = "My work: open findings assigned to me (and, with --team, my teams' unassigned ones), most urgent first, then by due date." };
        var team = new Option<bool>("--team") { Description = "With --mine: also the unassigned open findings of assets my teams own." };
        var user = new Option<string?>("--as") { Description = "With --mine: whose work. Default: RAMPART_USER, else the OS user name." };

        var command = new Command("findings", "List findings, most urgent first.")
        {
            asset, status, priority, limit, mine, team, user, CliOptions.Json, FindingShowCommand.Create(), FindingOverrideCommand.Create(),
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var max = parse.GetValue(limit);
                if (max is < 1 or > 10_000)
                {
                    Console.Error.WriteLine("rampart: error: --limit must be between 1 and 10000.");
                    return CliErrors.BadInput;
                }

                await using var provider = await CliDatabase.OpenAsync(parse.GetValue(CliOptions.Database), cancellationToken);
                await using var scope = provider.CreateAsyncScope();
                if (parse.GetValue(mine))
                {
                    var name = parse.GetValue(user) is { Length: > 0 } named ? named
                        : Environment.GetEnvironmentVariable("RAMPART_USER") is { Length: > 0 } env ? env
                        : Environment.UserName;
                    try
                    {
                        var work = await scope.ServiceProvider.GetRequiredService<WorkQueries>()
                            .MineAsync(name, parse.GetValue(team), Math.Min(max, WorkQueries.MaxItems), cancellationToken);
                        PrintWork(work, parse.GetValue(CliOptions.Json));
                        return CliErrors.Success;
                    }
                    catch (WorkflowRuleException ex)
                    {
                        Console.Error.WriteLine($"rampart: error: {ex.Message}");
                        return CliErrors.BadInput;
                    }
                }

                var queries = scope.ServiceProvider.GetRequiredService<FindingQueries>();
                var items = new List<FindingSummary>();
                long total = 0;
                for (var page = 1; items.Count < max; page++)
                {
                    var result = await queries.ListAsync(
                        new FindingFilter(parse.GetValue(asset), parse.GetValue(status), parse.GetValue(priority), Page: page, PageSize: Math.Min(500, max)),
                        cancellationToken);
                    total = result.TotalCount;
                    items.AddRange(result.Items.Take(max - items.Count));
                    if (!result.HasMore)
                    {
                        break;
                    }
                }

                if (parse.GetValue(CliOptions.Json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(items, CliOptions.JsonOutput));
                }
                else
                {
                    PrintTable(items, total);
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

    private static void PrintWork(IReadOnlyList<WorkItem> items, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(items, CliOptions.JsonOutput));
            return;
        }

        if (items.Count == 0)
        {
            Console.WriteLine("Nothing to fix: no open finding is assigned to you.");
            return;
        }

        foreach (var w in items)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{w.Id}\t{w.Priority}\t{w.StateName}\t{(w.DueDate is { } due ? due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-")}{(w.Overdue ? " overdue" : "")}\t{Plain(w.Asset)}\t{Plain(w.Title)}"));
        }
    }

    /// <summary>Scanner text without control characters (no terminal escape sequences, no tabs or line breaks in a row).</summary>
    private static string Plain(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));

    private static void PrintTable(List<FindingSummary> items, long total)
    {
        var table = new Table().AddColumns("Id", "Pri", "Severity", "Status", "Asset", "Title", "Component", "Due");
        foreach (var f in items)
        {
            // Scanner text is hostile: escape it so it cannot inject console markup.
            table.AddRow(
                f.Id.ToString(CultureInfo.InvariantCulture),
                f.Priority.ToString(),
                f.Severity.ToString(),
                f.Status.ToString(),
                Markup.Escape(f.Asset),
                Markup.Escape(Shorten(f.Title, 60)),
                Markup.Escape(f.Component is null ? f.Location ?? "" : $"{f.Component} {f.ComponentVersion}".Trim()),
                f.DueDate is { } due ? (f.Overdue ? $"[red]{due:yyyy-MM-dd}[/]" : due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : "");
        }

        AnsiConsole.Write(table);
        Console.WriteLine($"{items.Count} of {total} findings shown.");
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
