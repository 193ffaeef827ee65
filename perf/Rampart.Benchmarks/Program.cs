using BenchmarkDotNet.Running;
using Rampart.Benchmarks.EndToEnd;

// `e2e ...` runs the end-to-end import and query measurement; anything else goes to BenchmarkDotNet.
if (args.Length > 1 && args[0] == "e2e-writer")
{
    return await Rampart.Benchmarks.EndToEnd.WriterOnly.RunAsync(args);
}

if (args.Length > 0 && args[0] == "e2e-feeds")
{
    return await FeedLoadRun.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "e2e-reprioritize")
{
    return await ReprioritizeRun.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "e2e-escalate")
{
    return await EscalationRun.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "osv")
{
    return await OsvRun.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "e2e")
{
    return await ImportAndQueryRun.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(ImportAndQueryRun).Assembly).Run(args);
return 0;
