using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Services.Feeds;
using Rampart.Services.Prioritization;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart feeds update</c> and <c>rampart feeds status</c>: the EPSS and KEV feeds.</summary>
internal static class FeedsCommand
{
    /// <summary>The --json shape of one feed update (documented in the README).</summary>
    internal sealed record FeedSummary(
        string Feed, string Outcome, string Location, string? Version, int Records, int Added, int Changed, int Removed, string ReadFrom,
        string Message, ReprioritizationResult? Reprioritization);

    public static Command Create() => new("feeds", "Load and inspect the EPSS and CISA KEV feeds.") { Update(), Status() };

    private static Command Update()
    {
        var epss = new Option<string?>("--epss") { Description = $"EPSS daily file or URL (.csv or .csv.gz). Default: the stored location, else {FeedSettings.DefaultEpssLocation}." };
        var kev = new Option<string?>("--kev") { Description = $"KEV catalog file or URL (JSON or CSV). Default: the stored location, else {FeedSettings.DefaultKevLocation}." };
        var offline = new Option<bool>("--offline") { Description = "Use files only: a URL is read from the copy kept from its last download." };
        var command = new Command("update", "Update the feeds. With neither --epss nor --kev, both from their stored or default locations. Loading the same EPSS day or KEV catalog again changes nothing.")
        {
            epss, kev, offline, CliOptions.Json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var epssLocation = parse.GetValue(epss);
            var kevLocation = parse.GetValue(kev);
            var both = epssLocation is null && kevLocation is null;
            var options = new FeedUpdateOptions(parse.GetValue(offline));
            var json = parse.GetValue(CliOptions.Json);
            try
            {
                await using var provider = await CliDatabase.OpenAsync(parse.GetValue(CliOptions.Database), cancellationToken);
                var exit = CliErrors.Success;

                // Each feed is its own transaction: a failure of one is reported and does not stop the other.
                async Task RunAsync(Func<FeedUpdateService, Task<FeedUpdateResult>> update)
                {
                    try
                    {
                        await using var scope = provider.CreateAsyncScope();
                        Print(await update(scope.ServiceProvider.GetRequiredService<FeedUpdateService>()), json);
                    }
                    catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
                    {
                        exit = Math.Max(exit, CliErrors.Report(ex));
                    }
                }

                if (both || epssLocation is not null)
                {
                    await RunAsync(service => service.UpdateEpssAsync(epssLocation, options, cancellationToken));
                }

                if (both || kevLocation is not null)
                {
                    await RunAsync(service => service.UpdateKevAsync(kevLocation, options, cancellationToken));
                }

                return exit;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return CliErrors.Report(ex);
            }
        });
        return command;
    }

    private static Command Status()
    {
        var command = new Command("status", "Show each feed's source, version, size and when it was last checked and changed.") { CliOptions.Json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await using var provider = await CliDatabase.OpenAsync(parse.GetValue(CliOptions.Database), cancellationToken);
                await using var scope = provider.CreateAsyncScope();
                var feeds = await scope.ServiceProvider.GetRequiredService<FeedQueries>().ListStatusAsync(cancellationToken);
                if (parse.GetValue(CliOptions.Json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(feeds, CliOptions.JsonOutput));
                    return CliErrors.Success;
                }

                foreach (var feed in feeds)
                {
                    Console.WriteLine(feed.CheckedAt is null
                        ? $"{feed.Feed}: never loaded"
                        : $"{feed.Feed}: version {feed.Version ?? "-"}, {feed.Records:N0} records, from {feed.Location}; checked {feed.CheckedAt:u}, changed {(feed.ChangedAt is { } changed ? changed.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : "never")}");
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

    private static void Print(FeedUpdateResult result, bool json)
    {
        if (json)
        {
            var summary = new FeedSummary(
                result.Feed, JsonNamingPolicy.CamelCase.ConvertName(result.Outcome.ToString()), result.Location, result.Version,
                result.Records, result.Added, result.Changed, result.Removed, result.ReadFrom, result.Message, result.Reprioritization);
            Console.WriteLine(JsonSerializer.Serialize(summary, CliOptions.JsonOutput));
            return;
        }

        var reprioritized = result.Reprioritization is { } r ? $"; priorities re-decided: {r.Changed} of {r.Examined} open findings changed, {r.BecameP1} became P1" : "";
        Console.WriteLine($"{result.Feed}: {result.Message}{reprioritized}.");
    }
}
