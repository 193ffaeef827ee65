using System.CommandLine;

namespace Rampart.Cli.Commands;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Create the database or bring its schema up to date.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var option = parse.GetValue(CliOptions.Database);
                await using var provider = await CliDatabase.OpenAsync(option, cancellationToken);
                Console.WriteLine($"Database is up to date: {CliDatabase.Resolve(option).Describe()}");
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
