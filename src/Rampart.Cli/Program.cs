using System.CommandLine;
using Rampart.Cli.Commands;

var root = new RootCommand("Rampart: threat and vulnerability management for AI systems.")
{
    CliOptions.Database,
};
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(FindingsCommand.Create());
root.Subcommands.Add(CvssCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(MigrateCommand.Create());
root.Subcommands.Add(TokenCommand.Create());
root.Subcommands.Add(AssetsCommand.Create());
root.Subcommands.Add(ReprioritizeCommand.Create());
root.Subcommands.Add(FeedsCommand.Create());
root.Subcommands.Add(OsvCommand.Create());
root.Subcommands.Add(PolicyCommand.Create());
root.Subcommands.Add(UsersCommand.Create());
root.Subcommands.Add(RemediationCommand.Create());

return await root.Parse(args).InvokeAsync();
