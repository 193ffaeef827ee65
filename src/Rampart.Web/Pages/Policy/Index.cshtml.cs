using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rampart.Core.Policies;
using Rampart.Services.Policies;

namespace Rampart.Web.Pages.Policy;

/// <summary>/policy: every version with its status, and the import of a new draft (uploaded file or pasted text).</summary>
public sealed class IndexModel(PolicyService policies, PolicyQueries queries) : PageModel
{
    public IReadOnlyList<PolicyVersionSummary> Versions { get; private set; } = [];

    /// <summary>Why the import was refused (file and line), shown above the form; nothing was imported.</summary>
    public string? Error { get; private set; }

    [BindProperty]
    public IFormFile? Document { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Versions = await queries.ListAsync(cancellationToken);

    public IActionResult OnGetTemplate() =>
        File(Encoding.UTF8.GetBytes(PolicyTemplate.Starter), "text/markdown; charset=utf-8", PolicyTemplate.FileName);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (fileName, text) = await DocumentAsync(cancellationToken);
            var version = await policies.ImportAsync(fileName, text, User.Identity?.Name ?? "unknown", null, cancellationToken);
            return RedirectToPage("Detail", new { number = version.Number });
        }
        catch (Exception error) when (error is PolicyFormatException or PolicyRuleException)
        {
            Error = error.Message;
            Response.StatusCode = error is PolicyFormatException ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        }

        Versions = await queries.ListAsync(cancellationToken);
        return Page();
    }

    private async Task<(string FileName, string Text)> DocumentAsync(CancellationToken cancellationToken)
    {
        if (Document is { Length: > 0 } file)
        {
            var name = Path.GetFileName(file.FileName);
            if (file.Length > PolicyService.MaxDocumentBytes)
            {
                throw new PolicyFormatException(name, $"the file is {file.Length:N0} bytes; a policy document is at most {PolicyService.MaxDocumentBytes:N0}", null);
            }

            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            return (name, await reader.ReadToEndAsync(cancellationToken));
        }

        return string.IsNullOrWhiteSpace(Text)
            ? throw new PolicyFormatException("pasted text", "choose a .md file or paste the policy text", null)
            : ("pasted.md", Text);
    }
}
