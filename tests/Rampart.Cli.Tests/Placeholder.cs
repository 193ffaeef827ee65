namespace Rampart.Cli.Tests;
