using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Services.Prioritization;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart reprioritize</c>: re-decide every open finding from the feeds and assets now in the database.</summary>
internal static class ReprioritizeCommand
{
    public static Command Create()
    {
        var command = new Command("reprioritize", "Re-decide every open finding now; changes are recorded with their cause.") { CliOptions.Json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await using var provider = await CliDatabase.OpenAsync(parse.GetValue(CliOptions.Database), cancellationToken);
                await using var scope = provider.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<IReprioritizer>()
                    .ReprioritizeAsync(new ReprioritizationRequest($"requested by {Environment.UserName}"), cancellationToken);
                Console.WriteLine(parse.GetValue(CliOptions.Json)
                    ? JsonSerializer.Serialize(result, CliOptions.JsonOutput)
                    : $"{result.Examined} open findings re-decided in {result.Elapsed.TotalSeconds:F1} s: {result.Changed} changed, {result.BecameP1} became P1.");
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
