using System.CommandLine;
using System.Text;
using Rampart.Core.Prioritization.Cvss;

namespace Rampart.Cli.Commands;

/// <summary>
/// <c>rampart cvss [VECTOR...]</c>: scores CVSS v2.0/v3.0/v3.1/v4.0 vectors given as arguments, else read from stdin one
/// a line. Streams: buffered stdin and stdout, no table rendering, so a million vectors take seconds.
/// </summary>
internal static class CvssCommand
{
    private const int BufferSize = 1 << 16;

    public static Command Create()
    {
        var vectors = new Argument<string[]>("vector")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "CVSS vectors (CVSS:4.0/..., CVSS:3.1/..., CVSS:3.0/..., or a v2 vector such as AV:N/AC:L/Au:N/C:P/I:P/A:P). None: read stdin, one a line.",
        };
        var command = new Command("cvss", "Score CVSS vectors: prints vector, score and severity (the most specific score the vector carries).")
        {
            vectors,
            CliOptions.Json,
        };
        // Synchronous on purpose: line-by-line async reads cost more than the scoring itself.
        command.SetAction(parse =>
        {
            var given = parse.GetValue(vectors) ?? [];
            var json = parse.GetValue(CliOptions.Json);
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), BufferSize) { AutoFlush = false };
            var output = new CvssLineWriter(stdout, json);
            var invalid = 0;
            if (given.Length > 0)
            {
                for (var i = 0; i < given.Length; i++)
                {
                    invalid += Score(given[i], $"argument {i + 1}", output) ? 0 : 1;
                }
            }
            else
            {
                using var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);
                var number = 0;
                while (stdin.ReadLine() is { } line)
                {
                    number++;
                    if (!string.IsNullOrWhiteSpace(line))
                    {
                        invalid += Score(line, null, output, number) ? 0 : 1;
                    }
                }
            }

            stdout.Flush();
            return invalid == 0 ? CliErrors.Success : CliErrors.BadInput;
        });
        return command;
    }

    private static bool Score(string vector, string? where, CvssLineWriter output, int line = 0)
    {
        if (Cvss.TryScore(vector, out var scores, out var error))
        {
            output.Write(scores!);
            return true;
        }

        // The error names the vector and its offending part; say where it came from.
        Console.Error.WriteLine($"rampart: error: {where ?? $"line {line}"}: {error}");
        return false;
    }
}
