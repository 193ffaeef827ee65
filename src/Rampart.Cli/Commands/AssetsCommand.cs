using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Assets;
using Rampart.Data;
using Rampart.Services.Assets;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart assets set NAME --criticality high --exposure internet …</c>: describe an asset, re-deciding its findings.</summary>
internal static class AssetsCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The asset's name." };
        var criticality = new Option<Criticality?>("--criticality") { Description = "Business criticality: Low, Medium, High, Critical." };
        var exposure = new Option<Exposure?>("--exposure") { Description = "Isolated, Internal or Internet." };
        var data = new Option<DataSensitivity?>("--data-sensitivity") { Description = "Public, Internal, Confidential or Restricted." };
        var tools = new Option<string?>("--agent-tools") { Description = "Comma-separated tools an AI agent on the asset can call (\"\" for none)." };
        var autonomy = new Option<AgentAutonomy?>("--autonomy") { Description = "None, HumanApproval or Autonomous." };
        var team = new Option<string?>("--owner-team") { Description = "The team that owns the asset." };
        var layer = new Option<AssetLayer?>("--layer") { Description = "Infrastructure, Model, Orchestration or Application." };
        var set = new Command("set", "Change what Rampart knows of an asset; its open findings are re-decided at once.")
        {
            name, criticality, exposure, data, tools, autonomy, team, layer, CliOptions.Json,
        };
        set.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await using var provider = await CliDatabase.OpenAsync(parse.GetValue(CliOptions.Database), cancellationToken);
                await using var scope = provider.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<RampartDbContext>();
                var assetName = parse.GetValue(name)!;
                var id = await db.Assets.Where(a => a.Name == assetName).Select(a => (long?)a.Id).SingleOrDefaultAsync(cancellationToken);
                if (id is null)
                {
                    Console.Error.WriteLine($"rampart: error: there is no asset named '{assetName}'.");
                    return CliErrors.BadInput;
                }

                var change = new AssetContextChange(
                    parse.GetValue(criticality), parse.GetValue(exposure), parse.GetValue(data),
                    parse.GetValue(tools) is { } list ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null,
                    parse.GetValue(autonomy), parse.GetValue(team), Layer: parse.GetValue(layer));
                var (asset, result) = await scope.ServiceProvider.GetRequiredService<AssetContextService>().UpdateAsync(id.Value, change, cancellationToken);
                if (parse.GetValue(CliOptions.Json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(new
                    {
                        asset = asset.Name, asset.Criticality, asset.Exposure, asset.DataSensitivity, asset.AgentTools, asset.AgentAutonomy, asset.Layer,
                        examined = result.Examined, changed = result.Changed, becameP1 = result.BecameP1,
                    }, CliOptions.JsonOutput));
                }
                else
                {
                    Console.WriteLine($"{asset.Name}: criticality {asset.Criticality}, exposure {asset.Exposure}, data {asset.DataSensitivity}, "
                        + $"agent tools [{asset.AgentTools}] ({asset.AgentAutonomy}); {result.Examined} open findings re-decided, {result.Changed} changed, {result.BecameP1} became P1.");
                }

                return CliErrors.Success;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return CliErrors.Report(ex);
            }
        });
        return new Command("assets", "Describe assets.") { set };
    }
}
