using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Workflow;
using Rampart.Services.Workflow;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart remediation check|escalations</c>: the remediation clock's hourly check and its record.</summary>
internal static class RemediationCommand
{
    public static Command Create()
    {
        var command = new Command("remediation", "The remediation clock: run the hourly check, read a finding's escalations.");
        command.Subcommands.Add(Check());
        command.Subcommands.Add(Escalations());
        return command;
    }

    private static Command Check()
    {
        var command = new Command("check", "Run the hourly check now: end expired risk acceptances (their findings reopen), then execute the policy's escalation chain.") { CliOptions.Json };
        command.SetAction((parse, ct) => RunAsync(parse, async services =>
        {
            var ended = await services.GetRequiredService<RiskAcceptanceService>().ExpireAsync(ct);
            var result = await services.GetRequiredService<EscalationService>().RunAsync(ct);
            if (parse.GetValue(CliOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { riskAcceptancesEnded = ended, escalations = result }, CliOptions.JsonOutput));
                return;
            }

            Console.WriteLine(FormattableString.Invariant($"{ended} risk acceptances ended; escalation under {result.Policy}: {result.Fired} steps fired."));
            foreach (var step in result.Steps)
            {
                Console.WriteLine(FormattableString.Invariant($"  {step.DaysAfterDue,4:+0;-0;0} days  {step.Notify,-16} {step.Findings,7} findings  {string.Join(", ", step.Recipients)}"));
            }
        }, ct));
        return command;
    }

    private static Command Escalations()
    {
        var id = new Argument<long>("id") { Description = "The finding's id." };
        var command = new Command("escalations", "The escalation steps that reached a finding.") { id, CliOptions.Json };
        command.SetAction((parse, ct) => RunAsync(parse, async services =>
        {
            var steps = await services.GetRequiredService<EscalationService>().ForFindingAsync(parse.GetValue(id), ct);
            if (parse.GetValue(CliOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(steps, CliOptions.JsonOutput));
                return;
            }

            if (steps.Count == 0)
            {
                Console.WriteLine("No escalation step has reached this finding.");
            }

            foreach (Escalation e in steps)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.FiredAt:yyyy-MM-dd HH:mm}Z\t{e.DaysAfterDue:+0;-0;0}\t{e.Notify}\t{e.Recipients}\tdue {e.DueDate:yyyy-MM-dd}"));
            }
        }, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await using var provider = await CliDatabase.OpenAsync(parse.GetValue(CliOptions.Database), cancellationToken);
            await using var scope = provider.CreateAsyncScope();
            await action(scope.ServiceProvider);
            return CliErrors.Success;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return CliErrors.Report(ex);
        }
    }
}
