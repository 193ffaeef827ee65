using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rampart.Core.Policies;
using Rampart.Core.Security;
using Rampart.Services.Policies;
using Rampart.Services.Security;

namespace Rampart.Web.Pages.Policy;

/// <summary>/policy/{number}: a version's text, parameters, history and acknowledgements, with the steps open to the signed-in user.</summary>
public sealed class DetailModel(PolicyService policies, PolicyQueries queries, UserService users) : PageModel
{
    public PolicyVersionDetail Detail { get; private set; } = null!;

    /// <summary>The body rendered from Markdown and sanitized.</summary>
    public string BodyHtml { get; private set; } = "";

    /// <summary>Why the last step was refused; nothing changed.</summary>
    public string? Error { get; private set; }

    public string UserName => User.Identity?.Name ?? "unknown";

    public bool IsApprover { get; private set; }

    public bool HasAcknowledged => Detail.Acknowledgements.Any(a => a.UserName == UserName);

    public IReadOnlyList<PolicyAction> Allowed => PolicyLifecycle.Allowed(Detail.Version.Status);

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public string? DueDates { get; set; }

    public Task<IActionResult> OnGetAsync(int number, CancellationToken cancellationToken) => ShowAsync(number, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int number, CancellationToken cancellationToken) =>
        StepAsync(number, ct => policies.SubmitAsync(number, UserName, Comment, ct), cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(int number, CancellationToken cancellationToken) =>
        StepAsync(number, ct => policies.ApproveAsync(number, UserName, Comment, ct), cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(int number, CancellationToken cancellationToken) =>
        StepAsync(number, ct => policies.RejectAsync(number, UserName, Comment ?? "", ct), cancellationToken);

    public Task<IActionResult> OnPostRetireAsync(int number, CancellationToken cancellationToken) =>
        StepAsync(number, ct => policies.RetireAsync(number, UserName, Comment ?? "", ct), cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(int number, CancellationToken cancellationToken) =>
        StepAsync(number, ct => Enum.TryParse<PolicyDueDateChoice>(DueDates, ignoreCase: true, out var choice) && Enum.IsDefined(choice)
            ? policies.PublishAsync(number, UserName, choice, Comment, ct)
            : throw new PolicyRuleException("Choose whether open findings keep their due dates or have them recomputed."), cancellationToken);

    public Task<IActionResult> OnPostAcknowledgeAsync(int number, CancellationToken cancellationToken) =>
        StepAsync(number, ct => policies.AcknowledgeAsync(number, UserName, ct), cancellationToken);

    private async Task<IActionResult> StepAsync(int number, Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        try
        {
            await step(cancellationToken);
            return RedirectToPage(new { number });
        }
        catch (PolicyRuleException error)
        {
            Error = error.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await ShowAsync(number, cancellationToken);
        }
    }

    private async Task<IActionResult> ShowAsync(int number, CancellationToken cancellationToken)
    {
        try
        {
            Detail = await queries.GetAsync(number, cancellationToken);
        }
        catch (PolicyNotFoundException)
        {
            return NotFound();
        }

        BodyHtml = PolicyMarkdown.ToSafeHtml(Detail.Document.Body);
        var me = (await users.ListAsync(cancellationToken)).FirstOrDefault(u => u.UserName == UserName);
        IsApprover = me?.HasRole(Roles.Approver) == true;
        return Page();
    }
}
