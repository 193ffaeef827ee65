using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Findings;
using Rampart.Services.Prioritization;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart findings override ID --priority P1 --justification "…"</c>, or <c>--clear</c>.</summary>
internal static class FindingOverrideCommand
{
    public static Command Create()
    {
        var id = new Argument<long>("id") { Description = "The finding's id." };
        var priority = new Option<Priority?>("--priority") { Description = "The priority to set (P1..P4)." };
        var justification = new Option<string?>("--justification") { Description = "Why (at least 10 characters); kept with the override." };
        var clear = new Option<bool>("--clear") { Description = "Remove the override: back to the computed priority." };
        var by = new Option<string?>("--by") { Description = "Who decides (recorded); default: the operating-system user." };
        var command = new Command("override", "Set a finding's priority by hand, with a justification, or clear the override.")
        {
            id, priority, justification, clear, by, CliOptions.Json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var clearing = parse.GetValue(clear);
                if (clearing == parse.GetValue(priority).HasValue)
                {
                    Console.Error.WriteLine("rampart: error: give either --priority (with --justification) or --clear.");
                    return CliErrors.BadInput;
                }

                await using var provider = await CliDatabase.OpenAsync(parse.GetValue(CliOptions.Database), cancellationToken);
                await using var scope = provider.CreateAsyncScope();
                var overrides = scope.ServiceProvider.GetRequiredService<PriorityOverrideService>();
                var user = parse.GetValue(by) is { Length: > 0 } named ? named : Environment.UserName;
                var change = clearing
                    ? await overrides.ClearAsync(parse.GetValue(id), user, cancellationToken)
                    : await overrides.SetAsync(parse.GetValue(id), parse.GetValue(priority)!.Value, parse.GetValue(justification), user, cancellationToken);
                if (parse.GetValue(CliOptions.Json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(
                        new { change.FindingId, from = change.FromPriority, to = change.ToPriority, change.ChangedBy, change.ChangedAt, justification = change.Reasons },
                        CliOptions.JsonOutput));
                }
                else
                {
                    Console.WriteLine($"Finding {change.FindingId}: {change.FromPriority} → {change.ToPriority} ({(clearing ? "override cleared" : "override")} by {change.ChangedBy}).");
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
}
