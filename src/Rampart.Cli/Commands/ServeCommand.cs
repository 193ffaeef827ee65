using System.CommandLine;
using Rampart.Web;

namespace Rampart.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on (semicolon-separated).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var demo = new Option<bool>("--demo") { Description = "Load the demo workspace (sample reports shipped with rampart) on start, if its assets are not there yet." };
        var command = new Command("serve", "Run the web UI and REST API until stopped (Ctrl+C).") { urls, demo };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var options = new RampartWebOptions
                {
                    Database = CliDatabase.Resolve(parse.GetValue(CliOptions.Database)),
                    DataDirectory = CliDatabase.DefaultDataDirectory,
                    Urls = parse.GetValue(urls),
                    Demo = parse.GetValue(demo),
                    DemoDirectory = Path.Combine(AppContext.BaseDirectory, "demo"),
                };
                Console.WriteLine($"Rampart is starting on {options.Urls} with {options.Database.Describe()}");
                await RampartWebApp.RunAsync(options, cancellationToken: cancellationToken);
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
