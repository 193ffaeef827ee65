using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Services.Osv;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart osv import|match</c>: OSV records in, matched against every asset's component inventory.</summary>
internal static class OsvCommand
{
    /// <summary>The --json shape (documented in the README).</summary>
    internal sealed record OsvSummary(IReadOnlyList<OsvLoadResult> Loaded, IReadOnlyList<AssetSummary> Matched);

    internal sealed record AssetSummary(
        string Asset, int Components, int UnmatchableComponents, int UnparseableVersions, int SkippedGitRanges, int UnevaluatedRanges,
        int Findings, int New, int Unchanged, int Reopened, int Closed, long ScanId);

    public static Command Create()
    {
        var command = new Command("osv", "OSV vulnerability records: load them and match them against the assets' component inventories (SBOMs).");
        command.Subcommands.Add(CreateImport());
        command.Subcommands.Add(CreateMatch());
        return command;
    }

    private static Command CreateImport()
    {
        var paths = new Argument<string[]>("paths") { Description = "OSV records: a JSON file, a folder of *.json, or a zip such as osv.dev's <Ecosystem>/all.zip.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("import", "Load OSV records (each path one transaction: a bad record refuses its whole path), then match every inventory.")
        {
            paths, CliOptions.Json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var json = parse.GetValue(CliOptions.Json);
                await using var provider = await CliDatabase.OpenAsync(parse.GetValue(CliOptions.Database), cancellationToken);
                var loaded = new List<OsvLoadResult>();
                foreach (var path in parse.GetValue(paths)!)
                {
                    await using var scope = provider.CreateAsyncScope();
                    var result = await scope.ServiceProvider.GetRequiredService<OsvRecordLoader>().LoadAsync(path, cancellationToken);
                    loaded.Add(result);
                    if (!json)
                    {
                        Console.WriteLine(
                            $"{path}: {result.Records} records — {result.Added} added, {result.Replaced} replaced by newer, {result.Unchanged} unchanged, " +
                            $"{result.Withdrawn} withdrawn; {result.AffectedPackages} packages, {result.GitRanges} GIT ranges (not evaluated).");
                    }
                }

                var matched = await MatchAsync(provider, null, cancellationToken);
                Print(loaded, matched, json);
                return CliErrors.Success;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return CliErrors.Report(ex);
            }
        });
        return command;
    }

    private static Command CreateMatch()
    {
        var asset = new Option<string?>("--asset") { Description = "Match only this asset's inventory (default: every asset)." };
        var command = new Command("match", "Match the loaded OSV records against the inventories: one OSV scan per asset; findings no longer matched close as fixed.")
        {
            asset, CliOptions.Json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await using var provider = await CliDatabase.OpenAsync(parse.GetValue(CliOptions.Database), cancellationToken);
                var matched = await MatchAsync(provider, parse.GetValue(asset), cancellationToken);
                Print([], matched, parse.GetValue(CliOptions.Json));
                return CliErrors.Success;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return CliErrors.Report(ex);
            }
        });
        return command;
    }

    private static async Task<IReadOnlyList<OsvMatchResult>> MatchAsync(ServiceProvider provider, string? asset, CancellationToken cancellationToken)
    {
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InventoryMatcher>().MatchAsync(asset, Environment.UserName, cancellationToken);
    }

    private static void Print(IReadOnlyList<OsvLoadResult> loaded, IReadOnlyList<OsvMatchResult> matched, bool json)
    {
        var assets = matched.Select(m => new AssetSummary(
            m.Asset, m.Components, m.UnmatchableComponents, m.UnparseableVersions, m.SkippedGitRanges, m.UnevaluatedRanges,
            m.Import.Findings, m.Import.New, m.Import.Unchanged, m.Import.Reopened, m.Import.Closed, m.Import.ScanId)).ToList();
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new OsvSummary(loaded, assets), CliOptions.JsonOutput));
            return;
        }

        if (assets.Count == 0)
        {
            Console.WriteLine("No asset has a component inventory yet: import an SBOM (CycloneDX, SPDX) first.");
        }

        foreach (var a in assets)
        {
            var notes = (a.UnparseableVersions > 0 ? $", {a.UnparseableVersions} unreadable versions" : "")
                + (a.SkippedGitRanges > 0 ? $", {a.SkippedGitRanges} GIT ranges skipped" : "")
                + (a.UnevaluatedRanges > 0 ? $", {a.UnevaluatedRanges} ranges not evaluable" : "");
            Console.WriteLine(
                $"{a.Asset}: {a.Components} components matched against OSV: {a.Findings} findings — {a.New} new, {a.Unchanged} unchanged, " +
                $"{a.Reopened} reopened, {a.Closed} closed as fixed{notes}.");
        }
    }
}
