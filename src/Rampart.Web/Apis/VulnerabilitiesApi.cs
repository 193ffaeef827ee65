using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Rampart.Services.Feeds;

namespace Rampart.Web.Apis;

public static partial class VulnerabilitiesApi
{
    public static RouteGroupBuilder MapVulnerabilitiesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/vulnerabilities").WithTags("Vulnerabilities");
        group.MapGet("/{id}", GetAsync)
            .WithSummary("What the feeds say about a vulnerability: its KEV entry, latest EPSS score and EPSS history")
            .WithDescription("id: a CVE id (any case), or an alias Rampart has seen beside a CVE (GHSA, OSV). The history has one point per loaded EPSS day, oldest first.");
        return group;
    }

    public static async Task<Results<Ok<VulnerabilityIntel>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, FeedQueries feeds, CancellationToken cancellationToken)
    {
        var text = id.Trim();
        if (text.Length is 0 or > 100 || !IdPattern().IsMatch(text))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["id"] = ["A vulnerability id such as CVE-2021-44228 or GHSA-jfh8-c2jp-5v3q."],
            });
        }

        var intel = await feeds.VulnerabilityAsync(text, cancellationToken);
        return intel.Cve.StartsWith("CVE-", StringComparison.Ordinal)
            ? TypedResults.Ok(intel)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such vulnerability", detail: $"{text} is not a CVE id and no known alias of one.");
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9._:-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
