using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rampart.Cli.Commands;

/// <summary>Options shared by every command, and the JSON settings of --json output.</summary>
internal static class CliOptions
{
    public static Option<string?> Database { get; } = new("--db")
    {
        Description = "Database: a PostgreSQL connection string (Host=...), a SQLite file path or Data Source=... string. Default: RAMPART_DB, else data/rampart.db.",
        Recursive = true,
    };

    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "Print machine-readable JSON instead of tables.",
    };

    public static JsonSerializerOptions JsonOutput { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
