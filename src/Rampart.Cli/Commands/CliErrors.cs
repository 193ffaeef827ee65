using Rampart.Ingest;
using Rampart.Services.Feeds;
using Rampart.Services.Imports;

namespace Rampart.Cli.Commands;

/// <summary>Exit codes and the one place errors are written to stderr.</summary>
internal static class CliErrors
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
    public const int NotFound = 3;

    public static int Report(Exception exception)
    {
        switch (exception)
        {
            case ReportFormatException or ImportException or Services.Prioritization.PrioritizationException or FeedException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException:
                Console.Error.WriteLine($"rampart: error: {exception.Message}");
                return BadInput;
            case OperationCanceledException:
                Console.Error.WriteLine("rampart: cancelled; nothing was changed by the interrupted import.");
                return Failure;
            default:
                Console.Error.WriteLine($"rampart: error: {exception.GetType().Name}: {exception.Message}");
                return Failure;
        }
    }
}
