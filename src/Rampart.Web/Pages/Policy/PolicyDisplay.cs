using Rampart.Core.Policies;

namespace Rampart.Web.Pages.Policy;

/// <summary>How policy statuses look on the pages, with the badge classes of site.css.</summary>
public static class PolicyDisplay
{
    public static string StatusClass(PolicyStatus status) => status switch
    {
        PolicyStatus.Published => "badge badge-status-fixed",
        PolicyStatus.Draft or PolicyStatus.InReview or PolicyStatus.Approved => "badge badge-status-open",
        _ => "badge badge-status-notaffected",
    };

    public static string Status(PolicyStatus? status) => status is { } s ? PolicyLifecycle.Name(s) : "—";

    public static string Hash(string? hash) => hash is { Length: > 12 } ? hash[..12] + "…" : hash ?? "—";
}
