using System.Diagnostics;

namespace Rampart.Benchmarks.EndToEnd;

/// <summary>Samples the process's resident set every 50 ms.</summary>
internal sealed class PeakMemory
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peak;

    public PeakMemory()
    {
        _sampler = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                using var process = Process.GetCurrentProcess();
                _peak = Math.Max(_peak, process.WorkingSet64);
                await Task.Delay(50);
            }
        });
    }

    public double PeakMiB => _peak / 1048576.0;

    public void Stop()
    {
        _stop.Cancel();
        _sampler.GetAwaiter().GetResult();
        _stop.Dispose();
    }
}
