using Ganss.Xss;
using Markdig;

namespace Rampart.Web.Pages.Policy;

/// <summary>
/// A policy's Markdown as HTML for its page. The text is user input: Markdig renders it (raw HTML in it is kept for
/// authors who need it) and HtmlSanitizer then removes scripts, event handlers, unsafe URLs and inline styles.
/// </summary>
public static class PolicyMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", Pipeline));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style"); // the CSP refuses inline styles: they would only log errors
        sanitizer.AllowedTags.Remove("img"); // the CSP allows images from Rampart only
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }
}
