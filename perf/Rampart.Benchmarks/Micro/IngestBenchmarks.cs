using BenchmarkDotNet.Attributes;
using Rampart.Benchmarks.EndToEnd;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Ingest;

namespace Rampart.Benchmarks.Micro;

/// <summary>Parsing speed of the SARIF reader alone (no database), on a generated 100,000-result file.</summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), "rampart-bench-100k.sarif");
        if (!File.Exists(_path))
        {
            SyntheticSarif.Write(_path, 100_000, seed: 7);
        }
    }

    [Benchmark]
    public async Task<int> ReadSarif100k()
    {
        await using var stream = File.OpenRead(_path);
        var count = 0;
        await foreach (var _ in ReportReaders.ReadAsync(stream, "bench.sarif", ReportFormat.Sarif, new ReportMetadata()))
        {
            count++;
        }

        return count;
    }
}
