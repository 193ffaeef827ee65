using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Services.Security;

namespace Rampart.Cli.Commands;

internal static class TokenCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "What the token is for (e.g. \"ci-payments\").", Required = true };
        var create = new Command("create", "Create an API token for CI or scripts. The token is shown once.") { name, CliOptions.Json };
        create.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var tokenName = parse.GetValue(name)!.Trim();
                if (tokenName.Length is 0 or > 100)
                {
                    Console.Error.WriteLine("rampart: error: --name must be 1 to 100 characters.");
                    return CliErrors.BadInput;
                }

                await using var provider = await CliDatabase.OpenAsync(parse.GetValue(CliOptions.Database), cancellationToken);
                await using var scope = provider.CreateAsyncScope();
                var created = await scope.ServiceProvider.GetRequiredService<TokenService>().CreateAsync(tokenName, cancellationToken);
                if (parse.GetValue(CliOptions.Json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(created, CliOptions.JsonOutput));
                }
                else
                {
                    Console.WriteLine($"Token '{created.Name}' created. Copy it now; it is not shown again:");
                    Console.WriteLine(created.Token);
                    Console.WriteLine("Use it as: Authorization: Bearer <token>");
                }

                return CliErrors.Success;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return CliErrors.Report(ex);
            }
        });

        return new Command("token", "Manage API tokens.") { create };
    }
}
