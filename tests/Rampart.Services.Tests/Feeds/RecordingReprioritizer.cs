using Rampart.Services.Prioritization;

namespace Rampart.Services.Tests.Feeds;

/// <summary>Stands in for the lead's re-prioritizer: records each request and answers with fixed counts.</summary>
public sealed class RecordingReprioritizer : IReprioritizer
{
    public static readonly ReprioritizationResult Answer = new(12, 3, 1, TimeSpan.FromMilliseconds(5));

    private readonly List<ReprioritizationRequest> _requests = [];

    public IReadOnlyList<ReprioritizationRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public Task<ReprioritizationResult> ReprioritizeAsync(ReprioritizationRequest request, CancellationToken cancellationToken)
    {
        lock (_requests)
        {
            _requests.Add(request);
        }

        return Task.FromResult(Answer);
    }
}
