using Rampart.Web;

// The database comes from RAMPART_DB (configuration or environment), else SQLite in ./data; `--demo` loads ./demo.
var demo = args.Contains("--demo", StringComparer.Ordinal);
await RampartWebApp.RunAsync(new RampartWebOptions { Demo = demo }, [.. args.Where(arg => arg != "--demo")]);

/// <summary>The entry point, public for WebApplicationFactory.</summary>
public partial class Program;
