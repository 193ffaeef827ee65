using Rampart.Core.Workflow;
using Rampart.Data;

namespace Rampart.Services.Workflow;

/// <summary>Checks on the free text people give with a step.</summary>
internal static class WorkflowText
{
    public const int MinimumComment = 5;

    public const int MinimumJustification = 10;

    /// <summary>Trimmed, or null when blank; refused when longer than a column holds.</summary>
    public static string? Optional(string? text, string what, int max = ColumnLengths.Message)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return value.Length <= max ? value : throw new WorkflowRuleException($"The {what} is {value.Length} characters; at most {max}.");
    }

    public static string Required(string? text, string what, int min = MinimumComment, int max = ColumnLengths.Message)
    {
        var value = Optional(text, what, max);
        return value is not null && value.Length >= min
            ? value
            : throw new WorkflowRuleException($"The {what} is required ({min} to {max} characters).");
    }

    public static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
