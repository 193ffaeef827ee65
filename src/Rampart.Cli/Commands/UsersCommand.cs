using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Findings;
using Rampart.Services.Security;

namespace Rampart.Cli.Commands;

/// <summary><c>rampart users add NAME [--roles approver,security-lead] [--teams platform] [--email ADDRESS]</c>, <c>users set</c>, <c>users list</c>.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var command = new Command("users", "Add users, give them roles (approver, security-lead, admin) and teams, list them.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Set());
        command.Subcommands.Add(List());
        return command;
    }

    private static Option<string[]> RolesOption() => new("--roles") { Description = "Roles, comma-separated: approver, security-lead, admin.", AllowMultipleArgumentsPerToken = true };

    private static Option<string[]> TeamsOption() => new("--teams") { Description = "Teams, comma-separated (the names asset owner teams and policies use).", AllowMultipleArgumentsPerToken = true };

    private static Option<string> EmailOption() => new("--email") { Description = "Where the user's e-mail notifications go (\"\" clears it)." };

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "The user name (sign-in name)." };
        var roles = RolesOption();
        var teams = TeamsOption();
        var email = EmailOption();
        var command = new Command("add", "Add a user with a generated password (printed once; the user must change it at first sign-in).") { name, roles, teams, email };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(parse, async users =>
        {
            UserService.CheckEmail(parse.GetValue(email));
            var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
            var user = await users.CreateAsync(parse.GetValue(name)!, password, isAdmin: false, cancellationToken);
            await users.SetAccessAsync(user.UserName, Split(parse.GetValue(roles)), Split(parse.GetValue(teams)), cancellationToken);
            if (parse.GetValue(email) is { } address)
            {
                await users.SetEmailAsync(user.UserName, address, cancellationToken);
            }

            Console.WriteLine($"Added {user.UserName}; first password: {password}");
        }, cancellationToken));
        return command;
    }

    private static Command Set()
    {
        var name = new Argument<string>("name") { Description = "The user name." };
        var roles = RolesOption();
        var teams = TeamsOption();
        var email = EmailOption();
        var command = new Command("set", "Replace a user's roles, teams or e-mail address; what is not given stays.") { name, roles, teams, email };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(parse, async users =>
        {
            var userName = parse.GetValue(name)!;
            var current = (await users.ListAsync(cancellationToken)).SingleOrDefault(u => u.UserName == userName)
                ?? throw new ArgumentException($"There is no user {userName}.");
            var address = parse.GetValue(email);
            UserService.CheckEmail(address); // before anything is written: a bad address changes nothing
            var user = await users.SetAccessAsync(
                userName,
                parse.GetResult(roles) is null ? ValueList.Split(current.RoleList).Concat(current.IsAdmin ? AdminOnly : []) : Split(parse.GetValue(roles)),
                parse.GetResult(teams) is null ? ValueList.Split(current.TeamList) : Split(parse.GetValue(teams)),
                cancellationToken);
            if (address is not null)
            {
                user = await users.SetEmailAsync(userName, address, cancellationToken);
            }

            Console.WriteLine($"{user.UserName}: roles {Shown(user.RoleList, user.IsAdmin)}; teams {(user.TeamList.Length == 0 ? "none" : user.TeamList)}; e-mail {user.Email ?? "none"}.");
        }, cancellationToken));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List users with their roles and teams.") { CliOptions.Json };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(parse, async users =>
        {
            var all = await users.ListAsync(cancellationToken);
            if (parse.GetValue(CliOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(
                    all.Select(u => new { u.UserName, u.IsAdmin, roles = ValueList.Split(u.RoleList), teams = ValueList.Split(u.TeamList), email = u.Email, u.CreatedAt }),
                    CliOptions.JsonOutput));
                return;
            }

            foreach (var u in all)
            {
                Console.WriteLine($"{u.UserName}\troles: {Shown(u.RoleList, u.IsAdmin)}\tteams: {(u.TeamList.Length == 0 ? "none" : u.TeamList)}\te-mail: {u.Email ?? "none"}");
            }
        }, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Func<UserService, Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await using var provider = await CliDatabase.OpenAsync(parse.GetValue(CliOptions.Database), cancellationToken);
            await using var scope = provider.CreateAsyncScope();
            await action(scope.ServiceProvider.GetRequiredService<UserService>());
            return CliErrors.Success;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"rampart: error: {ex.Message.Split(" (Parameter", 2)[0]}");
            return CliErrors.BadInput;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return CliErrors.Report(ex);
        }
    }

    private static IEnumerable<string> Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Shown(string roles, bool admin) =>
        string.Join(' ', (admin ? AdminOnly : []).Concat(ValueList.Split(roles))) is { Length: > 0 } shown ? shown : "none";

    private static readonly string[] AdminOnly = ["admin"];
}
